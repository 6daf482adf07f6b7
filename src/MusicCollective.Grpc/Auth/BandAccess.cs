using MusicCollective.Domain.Bands;

namespace MusicCollective.Grpc.Auth;

/// <summary>
/// Who may see a band and work with its gigs (DOMAIN.md, Access). A band that does not exist has no members and no
/// partners, so for everyone but officers the answer is the same as for a band they may not see.
/// </summary>
public static class BandAccess
{
    /// <summary>Admins and treasurers, the band's current members, and partners it authorised may read it.</summary>
    public static bool CanRead(Caller caller, BandState band) => caller.IsOfficer || IsInsider(caller, band);

    /// <summary>Admins, the band's current members, and partners it authorised may register and update its gigs.</summary>
    public static bool CanManageGigs(Caller caller, BandState band) => caller.IsAdmin || IsInsider(caller, band);

    private static bool IsInsider(Caller caller, BandState band) => caller.Role switch
    {
        Roles.Member => band.HasCurrentMember(caller.Subject),
        Roles.Partner => band.AuthorizedPartners.Contains(caller.Subject),
        _ => false,
    };
}
