using MusicCollective.Domain.Members;
using static MusicCollective.Actors.Tests.Samples.SampleValues;

namespace MusicCollective.Actors.Tests.Samples;

/// <summary>A fully populated sample of every member message.</summary>
internal static class MemberSamples
{
    public static readonly PayoutDetailsData Payout = new("Alice Archer", "DE89370400440532013000");

    public static MemberCreated Created { get; } = new("alice", "req-1", "sha256:aa", Time, "Alice Archer", "alice@example.org");

    public static MemberUpdated Updated { get; } = new("alice", "req-2", "sha256:bb", Time, "Alice A.", "alice@example.net", Payout);

    public static MemberState State { get; } = MemberState.Initial("alice") with
    {
        Exists = true, DisplayName = "Alice Archer", Email = "alice@example.org", PayoutDetails = Payout, CreateTime = Time,
        Requests = Requests(),
    };

    public static IEnumerable<object> All() =>
    [
        Created, Updated, State,
        new CreateMember(Stamp, "alice", "Alice Archer", "alice@example.org"),
        new UpdateMember(Stamp, "alice", "Alice A.", "alice@example.net", Payout),
        new GetMember("alice"),
        new MemberReply(State, Rejection()),
    ];
}
