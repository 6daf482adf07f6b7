using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Members;
using MusicCollective.Domain.Tests.Entities;

namespace MusicCollective.Domain.Tests.Members;

/// <summary>The member entity's pure state machine: create, update, idempotency, validation, replay.</summary>
public sealed class MemberBehaviorTests
{
    private const string ValidIban = "DE89370400440532013000";
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 20, 0, 0, TimeSpan.FromHours(2));

    private static CreateMember Create(string requestId = "r-create", string memberId = "alice",
        string name = "Alice Archer", string email = "alice@example.org") =>
        new(Stamps.Of(requestId), memberId, name, email);

    private static UpdateMember Update(string requestId = "r-update", PayoutDetailsData? payout = null,
        string name = "Alice A.", string email = "alice@example.net") =>
        new(Stamps.Of(requestId), "alice", name, email, payout);

    private static MemberState Created() => Run(MemberState.Initial("alice"), Create());

    private static MemberState Run(MemberState state, MemberCommand command) =>
        state.Apply(EntityAssert.Accepted<MemberEvent>(state.Process(command, Now)));

    // Proves a new create request is processed into MemberCreated carrying the profile, the stamp and the time.
    [Fact]
    public void New_create_is_processed()
    {
        var created = EntityAssert.Accepted<MemberCreated>(MemberState.Initial("alice").Process(Create(), Now));

        Assert.Equal(new MemberCreated("alice", "r-create", "hash-r-create", Now, "Alice Archer", "alice@example.org"), created);
        var state = MemberState.Initial("alice").Apply(created);
        Assert.True(state.Exists);
        Assert.Equal(("Alice Archer", "alice@example.org", Now), (state.DisplayName, state.Email, state.CreateTime));
    }

    // Proves the same request id and payload again is a retry with no events, even though the member now exists.
    [Fact]
    public void Same_request_again_is_a_retry() => EntityAssert.Retry(Created().Process(Create(), Now));

    // Proves the same request id with another payload is refused as RequestIdReused.
    [Fact]
    public void Same_request_id_with_other_payload_is_refused() =>
        EntityAssert.Rejected(Created().Process(Create() with { Stamp = Stamps.Of("r-create", "other"), Email = "a@example.net" }, Now),
            RejectionKind.RequestIdReused, DomainErrorCode.Duplicate, "request_id");

    // Proves creating an existing member under a new request id is AlreadyExists on member_id.
    [Fact]
    public void Create_twice_is_already_exists() =>
        EntityAssert.Rejected(Created().Process(Create(requestId: "r-again"), Now),
            RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "member_id");

    // Proves updating a member that was never created is NotFound on member_id.
    [Fact]
    public void Update_of_missing_member_is_not_found() =>
        EntityAssert.Rejected(MemberState.Initial("alice").Process(Update(), Now),
            RejectionKind.NotFound, DomainErrorCode.Required, "member_id");

    // Proves each bad profile field is refused as InvalidArgument naming that field.
    [Theory]
    [InlineData("Alice", "Alice", "a@b", DomainErrorCode.MalformedId, "member_id")]
    [InlineData("-alice", "Alice", "a@b", DomainErrorCode.MalformedId, "member_id")]
    [InlineData("", "Alice", "a@b", DomainErrorCode.Required, "member_id")]
    [InlineData("alice", " ", "a@b", DomainErrorCode.Required, "display_name")]
    [InlineData("alice", "Alice", "", DomainErrorCode.Required, "email")]
    [InlineData("alice", "Alice", "alice.example.org", DomainErrorCode.OutOfRange, "email")]
    public void Bad_profile_is_invalid_argument(string memberId, string name, string email, DomainErrorCode code, string field) =>
        EntityAssert.Rejected(MemberState.Initial(memberId).Process(Create(memberId: memberId, name: name, email: email), Now),
            RejectionKind.InvalidArgument, code, field);

    // Proves a display name over TextLengthMax characters is refused on display_name.
    [Fact]
    public void Too_long_name_is_invalid_argument() =>
        EntityAssert.Rejected(MemberState.Initial("alice").Process(Create(name: new string('a', MemberState.TextLengthMax + 1)), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.LimitExceeded, "display_name");

    // Proves payout details with a bad IBAN or no account holder are refused naming each field.
    [Fact]
    public void Bad_payout_details_are_invalid_argument() =>
        EntityAssert.Rejected(Created().Process(Update(payout: new PayoutDetailsData(" ", "DE89370400440532013001")), Now),
            RejectionKind.InvalidArgument,
            (DomainErrorCode.Required, "payout_details.account_holder"), (DomainErrorCode.OutOfRange, "payout_details.iban"));

    // Proves an update changes the profile and an update without payout details keeps the earlier ones.
    [Fact]
    public void Update_without_payout_details_keeps_them()
    {
        var payout = new PayoutDetailsData("Alice Archer", ValidIban);
        var state = Run(Run(Created(), Update("r-1", payout)), Update("r-2", null, name: "Alice B."));

        Assert.Equal(payout, state.PayoutDetails);
        Assert.Equal("Alice B.", state.DisplayName);
        Assert.Equal(Now, state.CreateTime);
    }

    // Proves replaying the events Process produced onto Initial gives the same state (recovery is exact).
    [Fact]
    public void Replaying_events_gives_the_same_state()
    {
        var commands = new MemberCommand[]
        {
            Create(), Update("r-1", new PayoutDetailsData("Alice Archer", ValidIban)), Update("r-2", null, name: "A. Archer"),
        };
        var state = MemberState.Initial("alice");
        var events = new List<MemberEvent>();
        foreach (var command in commands)
        {
            var @event = EntityAssert.Accepted<MemberEvent>(state.Process(command, Now.AddMinutes(events.Count)));
            events.Add(@event);
            state = state.Apply(@event);
        }

        var replayed = events.Aggregate(MemberState.Initial("alice"), (s, e) => s.Apply(e));
        Assert.Equal(StateText.Of(state), StateText.Of(replayed));
        Assert.Equal(3, replayed.Requests.HashByRequestId.Count);
    }

    // Proves a query is not something Process decides: it is a programmer error to send one.
    [Fact]
    public void Query_is_not_processed() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Created().Process(new GetMember("alice"), Now));
}
