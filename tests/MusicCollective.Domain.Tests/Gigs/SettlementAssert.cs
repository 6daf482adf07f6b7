using MusicCollective.Domain.Gigs;

namespace MusicCollective.Domain.Tests.Gigs;

/// <summary>What every stored settlement must satisfy, whatever the gig.</summary>
internal static class SettlementAssert
{
    /// <summary>Postings sum to zero, income/gigs gives the fee, and fund + reimbursements + fixed fees + shares = fee.</summary>
    public static void Balanced(SettlementData settlement, long feeMinorUnits)
    {
        Assert.Equal(feeMinorUnits, settlement.Fee.MinorUnits);
        Assert.Equal(feeMinorUnits, settlement.Fund.MinorUnits + settlement.Reimbursements.MinorUnits +
                                    settlement.FixedFees.MinorUnits + settlement.Shares.MinorUnits);
        Assert.Equal(0L, settlement.Postings.Aggregate(0L, (sum, p) => checked(sum + p.Amount.MinorUnits)));
        Assert.Equal(("income/gigs", -feeMinorUnits), (settlement.Postings[0].Account, settlement.Postings[0].Amount.MinorUnits));
        Assert.All(settlement.Postings, p => Assert.Equal(settlement.Fee.Currency, p.Amount.Currency));
    }
}
