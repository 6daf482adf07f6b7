using System.Text;
using MusicCollective.Actors.Tests.Samples;
using MusicCollective.Domain.Members;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>Snapshots written by earlier versions still load: a state's JSON only ever gains fields.</summary>
public sealed partial class JsonMessageSerializerTests
{
    // A member snapshot as stored before the idempotency log remembered the request applied last.
    private const string MemberStateWithoutLastRequestJson =
        """{"MemberId":"alice","Exists":true,"DisplayName":"Alice Archer","Email":"alice@example.org","PayoutDetails":""" +
        """{"AccountHolder":"Alice Archer","Iban":"DE89370400440532013000"},"CreateTime":"2024-06-01T23:15:30.1234567+02:00","Requests":""" +
        """{"HashByRequestId":{"req-1":"sha256:aa","req-2":"sha256:bb"},"Order":["req-1","req-2"]}}""";

    // Proves a snapshot without Requests.LastRequestId still reads, with the same log and no request known as last.
    [Fact]
    public void Snapshot_without_the_last_request_still_reads()
    {
        var state = Assert.IsType<MemberState>(
            Serializer.FromBinary(Encoding.UTF8.GetBytes(MemberStateWithoutLastRequestJson), "member-state.v1"));

        Assert.Null(state.Requests.LastRequestId);
        Structural.AssertEqual(MemberSamples.State with { Requests = MemberSamples.State.Requests with { LastRequestId = null } }, state);
    }

    // Proves the request applied last is stored in a snapshot and read back.
    [Fact]
    public void Snapshot_keeps_the_last_request()
    {
        var json = Encoding.UTF8.GetString(Serializer.ToBinary(MemberSamples.State));

        Assert.Contains("\"LastRequestId\":\"req-2\"", json, StringComparison.Ordinal);
        Assert.Equal("req-2", Assert.IsType<MemberState>(Serializer.FromBinary(Encoding.UTF8.GetBytes(json), "member-state.v1")).Requests.LastRequestId);
    }
}
