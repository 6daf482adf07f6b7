using MusicCollective.Domain.Bands;
using MusicCollective.Domain.Errors;
using MusicCollective.Domain.Entities;
using MusicCollective.Domain.Tests.Entities;
using static MusicCollective.Domain.Tests.Bands.BandSamples;

namespace MusicCollective.Domain.Tests.Bands;

/// <summary>The band entity's pure state machine: create, memberships, policies, partners, idempotency, replay.</summary>
public sealed class BandBehaviorTests
{
    // Proves a new create request is processed into BandCreated and the band then exists.
    [Fact]
    public void New_create_is_processed()
    {
        var created = EntityAssert.Accepted<BandCreated>(BandState.Initial(BandId).Process(Create(), Now));

        Assert.Equal(new BandCreated(BandId, "r-create", "hash-r-create", Now, "The Tuesdays"), created);
        Assert.True(BandState.Initial(BandId).Apply(created).Exists);
    }

    // Proves the same request again is a retry with no events.
    [Fact]
    public void Same_request_again_is_a_retry() => EntityAssert.Retry(Created().Process(Create(), Now));

    // Proves the same request id with another payload is RequestIdReused.
    [Fact]
    public void Same_request_id_with_other_payload_is_refused() =>
        EntityAssert.Rejected(Created().Process(Add("r-create", "alice") with { Stamp = Stamps.Of("r-create", "other") }, Now),
            RejectionKind.RequestIdReused, DomainErrorCode.Duplicate, "request_id");

    // Proves creating an existing band under a new request id is AlreadyExists.
    [Fact]
    public void Create_twice_is_already_exists() =>
        EntityAssert.Rejected(Created().Process(Create("r-again"), Now), RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "band_id");

    // Proves every command but create, sent to a band that does not exist, is NotFound on band_id.
    [Theory]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("publish")]
    [InlineData("authorize")]
    [InlineData("revoke")]
    public void Command_to_missing_band_is_not_found(string kind)
    {
        BandCommand command = kind switch
        {
            "add" => Add("r-1", "alice"),
            "remove" => Remove("r-1", "alice", new DateOnly(2024, 1, 1)),
            "publish" => Publish("r-1", Policy()),
            "authorize" => new AuthorizePartner(Stamps.Of("r-1"), BandId, "gigbook"),
            _ => new RevokePartner(Stamps.Of("r-1"), BandId, "gigbook"),
        };
        EntityAssert.Rejected(BandState.Initial(BandId).Process(command, Now), RejectionKind.NotFound, DomainErrorCode.Required, "band_id");
    }

    // Proves a malformed band id and a blank name are both named.
    [Fact]
    public void Bad_create_is_invalid_argument() =>
        EntityAssert.Rejected(BandState.Initial("B 1").Process(new CreateBand(Stamps.Of("r-1"), "B 1", " "), Now),
            RejectionKind.InvalidArgument, (DomainErrorCode.MalformedId, "band_id"), (DomainErrorCode.Required, "name"));

    // Proves a member is added with role and join date.
    [Fact]
    public void Add_member_records_the_membership()
    {
        var state = Created().Run(Add("r-1", "alice", "leader", new DateOnly(2023, 3, 1)));

        Assert.Equal(new Membership("alice", "leader", new DateOnly(2023, 3, 1), null), Assert.Single(state.Memberships));
        Assert.True(state.HasCurrentMember("alice"));
    }

    // Proves adding a current member again is AlreadyExists on member_id.
    [Fact]
    public void Add_member_twice_is_already_exists() =>
        EntityAssert.Rejected(Created().Run(Add("r-1", "alice")).Process(Add("r-2", "alice", "leader"), Now),
            RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "member_id");

    // Proves a malformed member id and a blank role are InvalidArgument naming both fields.
    [Fact]
    public void Bad_member_is_invalid_argument() =>
        EntityAssert.Rejected(Created().Process(Add("r-1", "Alice!", " "), Now),
            RejectionKind.InvalidArgument, (DomainErrorCode.MalformedId, "member_id"), (DomainErrorCode.Required, "role"));

    // Proves removing someone who is not a current member is FailedPrecondition on member_id.
    [Fact]
    public void Remove_non_member_is_failed_precondition() =>
        EntityAssert.Rejected(Created().Process(Remove("r-1", "bob", new DateOnly(2024, 1, 1)), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.NotABandMember, "member_id");

    // Proves a member cannot leave before joining: InvalidArgument on left_on.
    [Fact]
    public void Leaving_before_joining_is_invalid_argument() =>
        EntityAssert.Rejected(Created().Run(Add("r-1", "alice", joinedOn: new DateOnly(2023, 6, 1)))
                .Process(Remove("r-2", "alice", new DateOnly(2023, 5, 31)), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.OutOfRange, "left_on");

    // Proves a member who left can rejoin, and both memberships are kept as history.
    [Fact]
    public void Member_who_left_can_rejoin()
    {
        var state = Created()
            .Run(Add("r-1", "alice", joinedOn: new DateOnly(2023, 1, 1)))
            .Run(Remove("r-2", "alice", new DateOnly(2023, 6, 30)))
            .Run(Add("r-3", "alice", "leader", new DateOnly(2024, 1, 1)));

        Assert.Equal(
            [new Membership("alice", "member", new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)),
             new Membership("alice", "leader", new DateOnly(2024, 1, 1), null)],
            state.Memberships);
        Assert.False(state.IsMemberOn("alice", new DateOnly(2023, 9, 1)));
        EntityAssert.Rejected(state.Process(Remove("r-4", "bob", new DateOnly(2024, 2, 1)), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.NotABandMember, "member_id");
    }

    // Proves the band keeps at most MembershipsMax memberships: the next add is FailedPrecondition.
    [Fact]
    public void Memberships_are_limited()
    {
        var state = Created();
        for (var i = 0; i < BandState.MembershipsMax; i++)
        {
            state = state.Apply(new BandMemberAdded(BandId, $"r-{i}", "h", Now, $"m-{i}", "member", new DateOnly(2023, 1, 1)));
        }
        EntityAssert.Rejected(state.Process(Add("r-next", "alice"), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.LimitExceeded, "member_id");
    }

    // Proves policy versions are published in sequence and kept oldest first.
    [Fact]
    public void Policies_are_published_in_sequence()
    {
        var state = Created().Run(Publish("r-1", Policy(1))).Run(Publish("r-2", Policy(2, new DateOnly(2025, 1, 1))));

        Assert.Equal([1, 2], state.PolicyVersions.Select(p => p.Version));
        Assert.Equal(2, state.PolicyHistory().Latest!.Version);
    }

    // Proves a policy version out of sequence is InvalidArgument on policy.version.
    [Fact]
    public void Policy_version_out_of_sequence_is_invalid_argument() =>
        EntityAssert.Rejected(Created().Process(Publish("r-1", Policy(2)), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.PolicyOutOfSequence, "policy.version");

    // Proves a new version must take effect after the previous one: InvalidArgument on policy.effective_from.
    [Fact]
    public void Policy_effective_date_not_after_previous_is_invalid_argument() =>
        EntityAssert.Rejected(Created().Run(Publish("r-1", Policy(1))).Process(Publish("r-2", Policy(2, new DateOnly(2024, 1, 1))), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.PolicyOutOfSequence, "policy.effective_from");

    // Proves a fund rate of 100% is InvalidArgument on policy.gig_fund_rate.
    [Fact]
    public void Fund_rate_of_one_is_invalid_argument() =>
        EntityAssert.Rejected(Created().Process(Publish("r-1", Policy(gigFundRate: 1.0m)), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.RateOutOfRange, "policy.gig_fund_rate");

    // Proves partners are authorised once, revoked once, and a bad partner id is named.
    [Fact]
    public void Partners_are_authorised_and_revoked()
    {
        var state = Created().Run(new AuthorizePartner(Stamps.Of("r-1"), BandId, "gigbook"));
        Assert.Equal(["gigbook"], state.AuthorizedPartners);

        EntityAssert.Rejected(state.Process(new AuthorizePartner(Stamps.Of("r-2"), BandId, "gigbook"), Now),
            RejectionKind.AlreadyExists, DomainErrorCode.Duplicate, "partner_id");
        EntityAssert.Rejected(state.Process(new AuthorizePartner(Stamps.Of("r-3"), BandId, "Gig Book"), Now),
            RejectionKind.InvalidArgument, DomainErrorCode.MalformedId, "partner_id");

        state = state.Run(new RevokePartner(Stamps.Of("r-4"), BandId, "gigbook"));
        Assert.Empty(state.AuthorizedPartners);
        EntityAssert.Rejected(state.Process(new RevokePartner(Stamps.Of("r-5"), BandId, "gigbook"), Now),
            RejectionKind.FailedPrecondition, DomainErrorCode.Required, "partner_id");
    }

    // Proves replaying the events Process produced onto Initial gives the same state (recovery is exact).
    [Fact]
    public void Replaying_events_gives_the_same_state()
    {
        var commands = new BandCommand[]
        {
            Create(), Add("r-1", "alice", "leader"), Add("r-2", "bob"), Publish("r-3", Policy(1)),
            Remove("r-4", "bob", new DateOnly(2024, 3, 1)), new AuthorizePartner(Stamps.Of("r-5"), BandId, "gigbook"),
            Publish("r-6", Policy(2, new DateOnly(2025, 1, 1))), new RevokePartner(Stamps.Of("r-7"), BandId, "gigbook"),
        };
        var state = BandState.Initial(BandId);
        var events = new List<BandEvent>();
        foreach (var command in commands)
        {
            var @event = EntityAssert.Accepted<BandEvent>(state.Process(command, Now.AddMinutes(events.Count)));
            events.Add(@event);
            state = state.Apply(@event);
        }

        var replayed = events.Aggregate(BandState.Initial(BandId), (s, e) => s.Apply(e));
        Assert.Equal(StateText.Of(state), StateText.Of(replayed));
        Assert.Equal(commands.Length, replayed.Requests.HashByRequestId.Count);
    }
}
