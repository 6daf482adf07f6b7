using MusicCollective.Domain.Errors;
using MusicCollective.ReadModel;

namespace MusicCollective.Grpc.Services;

/// <summary>Page-size rules for every List RPC (AIP-158): 0 means the default, negative is an error, above the maximum is capped.</summary>
public static class Pages
{
    /// <summary>The page size to ask the read model for.</summary>
    public static int SizeOf(int requested)
    {
        if (requested < 0) throw new DomainException(DomainErrorCode.OutOfRange, "page_size", "page_size cannot be negative");
        return requested == 0 ? IReadModelStore.PageSizeDefault : Math.Min(requested, IReadModelStore.PageSizeMax);
    }

    /// <summary>An empty token means the first page.</summary>
    public static string? TokenOf(string token) => string.IsNullOrEmpty(token) ? null : token;
}
