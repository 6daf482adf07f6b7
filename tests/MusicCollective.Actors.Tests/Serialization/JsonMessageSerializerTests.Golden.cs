using System.Text;
using MusicCollective.Actors.Tests.Samples;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>The stored JSON of a settled gig, pinned: events are stored forever, so their shape may only gain fields.</summary>
public sealed partial class JsonMessageSerializerTests
{
    private const string GigSettledJson =
        """{"Settlement":{"TransactionId":"gig/g-1/settlement","PolicyName":"standard","PolicyVersion":2,"Fee":{"Currency":"EUR","MinorUnits":100000},"Fund":{"Currency":"EUR","MinorUnits":3000},"Reimbursements":{"Currency":"EUR","MinorUnits":5000},"FixedFees":{"Currency":"EUR","MinorUnits":15000},"Shares":{"Currency":"EUR","MinorUnits":77000},"Postings":[""" +
        """{"Account":"income/gigs","Amount":{"Currency":"EUR","MinorUnits":-100000},"Rule":1,"Description":"Gig fee received: 1000.00 EUR","PolicyName":"standard","PolicyVersion":2,"Role":null,"Weight":null,"Percentage":null,"AllocationKey":null},""" +
        """{"Account":"fund","Amount":{"Currency":"EUR","MinorUnits":3000},"Rule":2,"Description":"Co-op fund: 3% of the 1000.00 EUR fee","PolicyName":"standard","PolicyVersion":2,"Role":null,"Weight":null,"Percentage":3,"AllocationKey":null},""" +
        """{"Account":"member/alice","Amount":{"Currency":"EUR","MinorUnits":5000},"Rule":3,"Description":"Expenses you paid, reimbursed in full","PolicyName":"standard","PolicyVersion":2,"Role":null,"Weight":5000,"Percentage":null,"AllocationKey":null},""" +
        """{"Account":"member/sam","Amount":{"Currency":"EUR","MinorUnits":15000},"Rule":4,"Description":"Fixed fee for role sub","PolicyName":"standard","PolicyVersion":2,"Role":null,"Weight":15000,"Percentage":null,"AllocationKey":null},""" +
        """{"Account":"member/alice","Amount":{"Currency":"EUR","MinorUnits":46200},"Rule":5,"Description":"Share: role leader, weight 1.5 of 2.5","PolicyName":"standard","PolicyVersion":2,"Role":"leader","Weight":1.5,"Percentage":33.333333,"AllocationKey":"g-1"},""" +
        """{"Account":"member/bob","Amount":{"Currency":"EUR","MinorUnits":30800},"Rule":5,"Description":"Share: role member, weight 1 of 2.5","PolicyName":"standard","PolicyVersion":2,"Role":"member","Weight":1,"Percentage":66.666667,"AllocationKey":"g-1"}""" +
        """],"SettleTime":"2024-06-01T23:15:30.1234567+02:00"},"GigId":"g-1","RequestId":"req-9","PayloadHash":"sha256:99","Time":"2024-06-01T23:15:30.1234567+02:00"}""";

    // Proves the stored JSON of GigSettled is exactly the pinned shape (names, order, number and date formats).
    [Fact]
    public void Gig_settled_json_is_pinned()
    {
        var json = Encoding.UTF8.GetString(Serializer.ToBinary(GigSamples.Settled));

        Assert.True(json == GigSettledJson, $"the stored shape of GigSettled changed; it is now:\n{json}");
    }

    // Proves the pinned JSON (as already stored in journals) still reads back as the sample.
    [Fact]
    public void Pinned_gig_settled_json_still_reads() =>
        Structural.AssertEqual(GigSamples.Settled, Serializer.FromBinary(Encoding.UTF8.GetBytes(GigSettledJson), "gig-settled.v1"));
}
