namespace MusicCollective.Grpc.Auth;

/// <summary>The roles a token can carry (DOMAIN.md, Access), as they appear in its "role" claim.</summary>
public static class Roles
{
    /// <summary>A co-op member; the token's subject is the member id.</summary>
    public const string Member = "member";
    /// <summary>A partner (booking) app; the subject is the partner id bands authorise.</summary>
    public const string Partner = "partner";
    /// <summary>A label or distributor; the subject is the label id.</summary>
    public const string Label = "label";
    /// <summary>An elected treasurer.</summary>
    public const string Treasurer = "treasurer";
    /// <summary>An administrator.</summary>
    public const string Admin = "admin";

    /// <summary>Every role.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>([Member, Partner, Label, Treasurer, Admin]);
}
