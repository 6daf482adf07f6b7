using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Gigs;
using MusicCollective.Domain.Members;

namespace MusicCollective.Actors.Serialization;

/// <summary>
/// The stable short name (manifest) of every type that is persisted or crosses the wire between nodes. Events and
/// snapshots are stored forever: a manifest is never reused or renamed, and a type's JSON shape only ever gains
/// fields. Renaming a C# type is safe; changing a manifest here is not.
/// </summary>
public static class ManifestRegistry
{
    private static readonly (Type Type, string Manifest)[] Entries =
    [
        // member entity
        (typeof(MemberCreated), "member-created.v1"),
        (typeof(MemberUpdated), "member-updated.v1"),
        (typeof(MemberState), "member-state.v1"),
        (typeof(CreateMember), "create-member.v1"),
        (typeof(UpdateMember), "update-member.v1"),
        (typeof(GetMember), "get-member.v1"),
        (typeof(MemberReply), "member-reply.v1"),
        // band entity
        (typeof(BandCreated), "band-created.v1"),
        (typeof(BandMemberAdded), "band-member-added.v1"),
        (typeof(BandMemberRemoved), "band-member-removed.v1"),
        (typeof(SplitPolicyPublished), "split-policy-published.v1"),
        (typeof(PartnerAuthorized), "partner-authorized.v1"),
        (typeof(PartnerRevoked), "partner-revoked.v1"),
        (typeof(BandState), "band-state.v1"),
        (typeof(CreateBand), "create-band.v1"),
        (typeof(AddBandMember), "add-band-member.v1"),
        (typeof(RemoveBandMember), "remove-band-member.v1"),
        (typeof(PublishSplitPolicy), "publish-split-policy.v1"),
        (typeof(AuthorizePartner), "authorize-partner.v1"),
        (typeof(RevokePartner), "revoke-partner.v1"),
        (typeof(GetBand), "get-band.v1"),
        (typeof(BandReply), "band-reply.v1"),
        // gig entity
        (typeof(GigRegistered), "gig-registered.v1"),
        (typeof(GigLineupSet), "gig-lineup-set.v1"),
        (typeof(GigExpenseAdded), "gig-expense-added.v1"),
        (typeof(GigPerformed), "gig-performed.v1"),
        (typeof(GigSettled), "gig-settled.v1"),
        (typeof(GigCancelled), "gig-cancelled.v1"),
        (typeof(GigState), "gig-state.v1"),
        (typeof(RegisterGig), "register-gig.v1"),
        (typeof(SetLineup), "set-lineup.v1"),
        (typeof(AddExpense), "add-expense.v1"),
        (typeof(MarkPerformed), "mark-performed.v1"),
        (typeof(RecordFeeReceived), "record-fee-received.v1"),
        (typeof(CancelGig), "cancel-gig.v1"),
        (typeof(GetGig), "get-gig.v1"),
        (typeof(GigReply), "gig-reply.v1"),
    ];

    private static readonly Dictionary<Type, string> ManifestByType = Entries.ToDictionary(e => e.Type, e => e.Manifest);
    private static readonly Dictionary<string, Type> TypeByManifest = Entries.ToDictionary(e => e.Manifest, e => e.Type);

    /// <summary>Every registered type.</summary>
    public static IReadOnlyCollection<Type> Types => ManifestByType.Keys;

    /// <summary>The base types bound to the serializer in Akka's configuration.</summary>
    public static readonly Type[] BoundBaseTypes =
    [
        typeof(MemberEvent), typeof(MemberCommand), typeof(MemberState), typeof(MemberReply),
        typeof(BandEvent), typeof(BandCommand), typeof(BandState), typeof(BandReply),
        typeof(GigEvent), typeof(GigCommand), typeof(GigState), typeof(GigReply),
    ];

    /// <summary>The manifest of a registered type; an unregistered type is a bug.</summary>
    public static string ManifestOf(Type type) => ManifestByType.TryGetValue(type, out var manifest)
        ? manifest
        : throw new ArgumentException($"{type.FullName} has no manifest: add it to {nameof(ManifestRegistry)}", nameof(type));

    /// <summary>The type of a manifest; an unknown manifest means data from a newer version or corruption.</summary>
    public static Type TypeOf(string manifest) => TypeByManifest.TryGetValue(manifest, out var type)
        ? type
        : throw new ArgumentException($"unknown manifest '{manifest}'", nameof(manifest));
}
