using MusicCollective.Api.V1;

namespace MusicCollective.Cli.Output;

/// <summary>Members as text.</summary>
internal static class MemberView
{
    public static void Write(TextWriter writer, Member member) =>
        new KeyValueWriter()
            .Add("id", member.MemberId)
            .Add("name", member.DisplayName)
            .Add("email", member.Email)
            .Add("account holder", member.PayoutDetails?.AccountHolder)
            .Add("iban", member.PayoutDetails?.Iban)
            .Add("created", Display.Instant(member.CreateTime))
            .WriteTo(writer);

    public static void WriteList(TextWriter writer, ListMembersResponse response)
    {
        if (response.Members.Count == 0)
        {
            writer.WriteLine("no members");
        }
        else
        {
            var table = new TableWriter(new("ID"), new("NAME"), new("EMAIL"), new("IBAN"));
            foreach (var m in response.Members)
            {
                table.AddRow(m.MemberId, m.DisplayName, m.Email, m.PayoutDetails?.Iban);
            }

            table.WriteTo(writer);
        }

        Paging.WriteNext(writer, response.NextPageToken);
    }
}
