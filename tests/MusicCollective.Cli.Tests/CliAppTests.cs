using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Google.Type;
using Grpc.Net.Client;
using MusicCollective.Api.V1;

namespace MusicCollective.Cli.Tests;

public sealed class CliAppTests : IDisposable
{
    private const string FakeServer = "http://fake.test";
    private readonly FakeGrpcHandler server = new();
    private readonly GrpcChannel channel;
    private readonly StringWriter stdout = new() { NewLine = "\n" };
    private readonly StringWriter stderr = new() { NewLine = "\n" };
    private readonly List<string> addresses = [];

    public CliAppTests() =>
        channel = GrpcChannel.ForAddress(FakeServer, new GrpcChannelOptions { HttpHandler = server });

    public void Dispose()
    {
        channel.Dispose();
        server.Dispose();
        stdout.Dispose();
        stderr.Dispose();
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(["--server", FakeServer, .. args], stdout, stderr, address =>
        {
            addresses.Add(address);
            return channel;
        });

    private static Gig SettledGig() => new()
    {
        GigId = "g-1",
        BandId = "the-wombats",
        Venue = "Paradiso",
        Date = new Date { Year = 2026, Month = 12, Day = 1 },
        AgreedFee = new Money { CurrencyCode = "EUR", Units = 1000 },
        Status = GigStatus.Settled,
        Lineup = { new LineupEntry { PayeeId = "alice", Role = "leader" } },
        Settlement = new Settlement
        {
            TransactionId = "t-1",
            PolicyName = "standard",
            PolicyVersion = 1,
            Fee = new Money { CurrencyCode = "EUR", Units = 1000 },
            Lines =
            {
                new SettlementLine { Account = "income/gigs", Amount = new Money { CurrencyCode = "EUR", Units = -1000 }, Rule = PostingRule.GigIncome, Description = "fee" },
                new SettlementLine { Account = "fund", Amount = new Money { CurrencyCode = "EUR", Units = 30 }, Rule = PostingRule.FundContribution, Description = "3% gig fund" },
                new SettlementLine { Account = "member/alice", Amount = new Money { CurrencyCode = "EUR", Units = 970 }, Rule = PostingRule.LineupShare, Description = "leader share" },
            },
        },
    };

    [Fact]
    public async Task Gig_register_sends_the_parsed_request_with_token_and_request_id()
    {
        // Proves: options become the exact RegisterGigRequest (date, money, line-up), with the bearer token and the given request id.
        server.On("/musiccollective.v1.GigService/RegisterGig", RegisterGigRequest.Parser, r => new Gig
        {
            GigId = "g-1", BandId = r.BandId, Status = GigStatus.Booked, Lineup = { r.Lineup },
        });

        var exit = await Run(
            "--token", "tok", "gig", "register", "--band", "the-wombats", "--venue", "Paradiso", "--date", "2026-12-01",
            "--fee", "1000.10", "--currency", "eur", "--lineup", "alice=leader", "--lineup", "bob=member",
            "--hired", "carol=substitute", "--request-id", "req-7");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr.ToString());
        Assert.Equal([FakeServer], addresses);
        var call = Assert.Single(server.Calls);
        Assert.Equal("Bearer tok", call.Authorization);
        var sent = server.Request(0, RegisterGigRequest.Parser);
        Assert.Equal("req-7", sent.RequestId);
        Assert.Equal(new Date { Year = 2026, Month = 12, Day = 1 }, sent.Date);
        Assert.Equal(new Money { CurrencyCode = "EUR", Units = 1000, Nanos = 100_000_000 }, sent.AgreedFee);
        Assert.Equal(["alice:leader:False", "bob:member:False", "carol:substitute:True"], sent.Lineup.Select(e => $"{e.PayeeId}:{e.Role}:{e.Hired}"));
        Assert.Contains("status: booked", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("carol  substitute  hired", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mutating_command_without_request_id_sends_a_new_guid()
    {
        // Proves: every mutating call carries an idempotency key even when the user gives none.
        server.On("/musiccollective.v1.GigService/MarkPerformed", MarkPerformedRequest.Parser, r => new Gig { GigId = r.GigId });

        Assert.Equal(0, await Run("gig", "performed", "g-1"));

        Assert.True(Guid.TryParse(server.Request(0, MarkPerformedRequest.Parser).RequestId, out _));
        Assert.Null(server.Calls[0].Authorization);
    }

    [Fact]
    public async Task Fee_received_prints_the_settlement_line_by_line()
    {
        // Proves: the settlement shows each ledger line's account, exact amount, rule and description.
        server.On("/musiccollective.v1.GigService/RecordFeeReceived", RecordFeeReceivedRequest.Parser, _ => SettledGig());

        Assert.Equal(0, await Run("gig", "fee-received", "g-1", "--amount", "1000.00", "--currency", "EUR"));

        var text = stdout.ToString();
        Assert.Contains("  policy:      standard v1\n", text, StringComparison.Ordinal);
        Assert.EndsWith(
            "  ACCOUNT       AMOUNT        RULE               DESCRIPTION\n" +
            "  income/gigs   -1000.00 EUR  gig-income         fee\n" +
            "  fund             30.00 EUR  fund-contribution  3% gig fund\n" +
            "  member/alice    970.00 EUR  lineup-share       leader share\n",
            text);
    }

    [Fact]
    public async Task Json_prints_the_response_in_the_protobuf_json_mapping()
    {
        // Proves: --json output parses back into the very message the server sent.
        server.On("/musiccollective.v1.GigService/GetGig", GetGigRequest.Parser, _ => SettledGig());

        Assert.Equal(0, await Run("--json", "gig", "get", "g-1"));

        Assert.Equal(SettledGig(), JsonParser.Default.Parse<Gig>(stdout.ToString()));
    }

    [Fact]
    public async Task Dev_token_prints_only_the_token()
    {
        // Proves: `export MC_TOKEN=$(mc dev-token --role admin)` captures exactly the token.
        server.On("/musiccollective.v1.DevService/IssueDevToken", IssueDevTokenRequest.Parser, r => new IssueDevTokenResponse
        {
            Token = $"token-for-{r.Role}-{r.Subject}",
            ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch),
        });

        Assert.Equal(0, await Run("dev-token", "--role", "admin"));

        Assert.Equal("token-for-admin-admin\n", stdout.ToString());
    }

    [Fact]
    public async Task A_bad_request_from_the_server_exits_1_with_its_field_violations()
    {
        // Proves: the server's google.rpc.BadRequest reaches stderr field by field, with exit code 1 and nothing on stdout.
        server.Fail("/musiccollective.v1.MemberService/CreateMember", new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "invalid member",
            Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "email", Description = "not an email address" } } }) },
        });

        var exit = await Run("member", "create", "--id", "alice", "--name", "Alice", "--email", "nope");

        Assert.Equal(1, exit);
        Assert.Equal("", stdout.ToString());
        Assert.Equal("error: InvalidArgument: invalid member\n  email: not an email address\n", stderr.ToString());
    }

    [Fact]
    public async Task A_malformed_amount_exits_2_without_calling_the_server()
    {
        // Proves: input errors are usage errors caught before any call is made.
        var exit = await Run("gig", "expense", "g-1", "--id", "e1", "--paid-by", "bob", "--description", "fuel", "--amount", "40,00", "--currency", "EUR");

        Assert.Equal(2, exit);
        Assert.Empty(server.Calls);
        Assert.StartsWith("error: --amount: '40,00' is not an amount", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_option_exits_2_and_points_to_help()
    {
        // Proves: parse errors exit 2 with one line each and the command's help hint.
        var exit = await Run("band", "add-member", "the-wombats", "--member", "alice");

        Assert.Equal(2, exit);
        Assert.Empty(server.Calls);
        var text = stderr.ToString();
        Assert.Contains("error: Option '--role' is required.", text, StringComparison.Ordinal);
        Assert.EndsWith("run 'mc band add-member --help' for usage\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledger_check_exits_1_when_the_ledger_is_not_balanced()
    {
        // Proves: a script (or cron job) can act on "balanced: no" through the exit code.
        server.On("/musiccollective.v1.AccountService/CheckLedger", CheckLedgerRequest.Parser, _ => new CheckLedgerResponse
        {
            Totals = { new Money { CurrencyCode = "EUR", Units = 0, Nanos = 10_000_000 } },
            Balanced = false,
            TransactionCount = 3,
            PostingCount = 9,
        });

        Assert.Equal(1, await Run("ledger", "check"));

        Assert.Equal("CURRENCY  TOTAL\nEUR        0.01\ntransactions: 3\npostings:     9\nbalanced:     no\n", stdout.ToString());
    }

    [Fact]
    public async Task Help_exits_0_and_lists_the_commands()
    {
        // Proves: --help is printed to stdout and is not an error.
        Assert.Equal(0, await Run("--help"));
        Assert.Contains("dev-token", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("ledger", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }
}
