using MusicCollective.Api.V1;
using MusicCollective.Cli.Parsing;

namespace MusicCollective.Cli.Output;

/// <summary>Bands as text: the band, its members and roles, every split policy version.</summary>
internal static class BandView
{
    public static void Write(TextWriter writer, Band band)
    {
        new KeyValueWriter()
            .Add("id", band.BandId)
            .Add("name", band.Name)
            .Add("partners", string.Join(", ", band.AuthorizedPartnerIds))
            .Add("created", Display.Instant(band.CreateTime))
            .WriteTo(writer);

        if (band.Members.Count > 0)
        {
            writer.WriteLine("members:");
            var members = new TableWriter(new("MEMBER"), new("ROLE"), new("JOINED"), new("LEFT"));
            foreach (var m in band.Members)
            {
                members.AddRow(m.MemberId, m.Role, DateText.ToText(m.JoinedOn), DateText.ToText(m.LeftOn));
            }

            members.WriteTo(writer, indent: 2);
        }

        if (band.SplitPolicies.Count > 0)
        {
            writer.WriteLine("split policies:");
            var policies = new TableWriter(
                new("VERSION", Align.Right), new("NAME"), new("FROM"), new("GIG-FUND"), new("ROYALTY-FUND"),
                new("WEIGHTS"), new("FIXED-FEES"));
            foreach (var p in band.SplitPolicies)
            {
                policies.AddRow(
                    p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name,
                    DateText.ToText(p.EffectiveFrom), p.GigFundRate, p.RoyaltyFundRate,
                    string.Join(" ", p.RoleWeights.Select(w => $"{w.Role}={w.Weight}")),
                    string.Join(", ", p.FixedFees.Select(f => $"{f.Role}={MoneyText.Format(f.Amount)}")));
            }

            policies.WriteTo(writer, indent: 2);
        }
    }

    public static void WriteList(TextWriter writer, ListBandsResponse response)
    {
        if (response.Bands.Count == 0)
        {
            writer.WriteLine("no bands");
        }
        else
        {
            var table = new TableWriter(new("ID"), new("NAME"), new("MEMBERS", Align.Right), new("POLICY"));
            foreach (var b in response.Bands)
            {
                var current = b.SplitPolicies.LastOrDefault();
                table.AddRow(
                    b.BandId, b.Name,
                    b.Members.Count(m => m.LeftOn is null).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    current is null ? "" : $"{current.Name} v{current.Version}");
            }

            table.WriteTo(writer);
        }

        Paging.WriteNext(writer, response.NextPageToken);
    }
}
