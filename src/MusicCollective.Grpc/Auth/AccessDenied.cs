using Grpc.Core;

namespace MusicCollective.Grpc.Auth;

/// <summary>
/// The refusal for a caller whose role does not allow a request. It says nothing about whether the thing asked for
/// exists, so a caller cannot probe for members, bands or gigs it may not see.
/// </summary>
public static class AccessDenied
{
    /// <summary>Throws PERMISSION_DENIED unless <paramref name="allowed"/>.</summary>
    public static void Unless(bool allowed)
    {
        if (!allowed) throw Exception();
    }

    /// <summary>The PERMISSION_DENIED error.</summary>
    public static RpcException Exception() =>
        new(new Status(StatusCode.PermissionDenied, "your role does not allow this request"));
}
