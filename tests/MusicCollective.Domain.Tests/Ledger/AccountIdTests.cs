using MusicCollective.Domain.Ledger;

namespace MusicCollective.Domain.Tests.Ledger;

public sealed class AccountIdTests
{
    // Proves account names follow DOMAIN.md and compare by name.
    [Fact]
    public void Accounts_are_named_as_the_domain_names_them()
    {
        Assert.Equal("member/m-42", AccountId.Member("m-42").Value);
        Assert.Equal("suspense/label-1", AccountId.Suspense("label-1").Value);
        Assert.Equal("income/labels/label-1", AccountId.IncomeLabel("label-1").Value);
        Assert.Equal("recoup/rec-1", AccountId.Recoup("rec-1").Value);
        Assert.Equal("fund", AccountId.Fund.Value);
        Assert.Equal("income/gigs", AccountId.IncomeGigs.Value);
        Assert.Equal("payouts/pending", AccountId.PayoutsPending.Value);
        Assert.Equal("payouts/sent", AccountId.PayoutsSent.Value);
        Assert.Equal(AccountId.Member("m-42"), AccountId.Parse("member/m-42"));
    }

    // Proves an account cannot be named after a blank id.
    [Fact]
    public void Blank_parts_are_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => AccountId.Member(" "));
        Assert.ThrowsAny<ArgumentException>(() => AccountId.Parse(""));
    }
}
