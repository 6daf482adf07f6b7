using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using MusicCollective.Api.V1;
using MusicCollective.ReadModel;
using MusicCollective.Testing;
using GDate = Google.Type.Date;

namespace MusicCollective.Server.Tests;

/// <summary>How big the crash run is.</summary>
internal sealed record CrashScenarioOptions
{
    /// <summary>Gigs registered, performed and settled.</summary>
    public int Gigs { get; init; } = 300;

    /// <summary>SIGKILLs while the settlements stream in (one more follows once everything is verified).</summary>
    public int Kills { get; init; } = 20;

    /// <summary>Concurrent client loops.</summary>
    public int ClientLoops { get; init; } = 4;

    /// <summary>Seed of fees, line-ups, think times and kill moments (printed, to replay a failure's inputs).</summary>
    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Earliest kill after the server became ready.</summary>
    public TimeSpan KillDelayMin { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Latest kill after the server became ready.</summary>
    public TimeSpan KillDelayMax { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest pause of a client between two calls (a real client is not a tight loop).</summary>
    public TimeSpan ThinkTimeMax { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// These options with MC_CRASH_GIGS, MC_CRASH_KILLS and MC_CRASH_SEED applied when set: to replay a seed, or to
    /// try a shorter run while working on the server. The defaults are what the requirement asks for.
    /// </summary>
    public CrashScenarioOptions WithEnvironmentOverrides() => this with
    {
        Gigs = Read("MC_CRASH_GIGS") ?? Gigs,
        Kills = Read("MC_CRASH_KILLS") ?? Kills,
        Seed = Read("MC_CRASH_SEED") ?? Seed,
    };

    private static int? Read(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}

/// <summary>Where the server keeps its state, as environment for the server and a way to read its read model.</summary>
internal sealed record ServerStorage(string Name, IReadOnlyDictionary<string, string> Environment, DatabaseKind Kind,
    string ReadModelConnectionString);

/// <summary>
/// The crash scenario: members, a band and its split policy, a partner app; then a stream of gig settlements from
/// several client loops while the server is killed with SIGKILL at random moments and restarted on the same storage.
/// Every call carries a request id fixed by the gig and the step, and a failed call is sent again later with the same
/// id and payload. After the last restart every unfinished step is retried until all gigs are settled, and the
/// ledger is checked against what the clients were told.
/// </summary>
internal sealed class CrashScenario(ServerStorage storage, CrashScenarioOptions options, ITestOutputHelper output)
{
    private const string BandId = "crash-band";
    private const string PartnerId = "crash-partner";
    private const string PolicyName = "standard";
    private static readonly string[] MemberIds = ["crash-m1", "crash-m2", "crash-m3", "crash-m4", "crash-m5"];
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FinalPhaseTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan ProjectionTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan BackoffMin = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan BackoffMax = TimeSpan.FromSeconds(1);

    private readonly BearerTokens _tokens = new();
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _failureDetails = new(StringComparer.Ordinal);
    private readonly List<GigRun> _retries = [];
    private readonly ConcurrentBag<double>[] _latencies = [[], [], []];
    private readonly ConcurrentBag<string> _unexpected = [];
    private GigRun[] _runs = [];
    private int _nextGig;
    private int _windows;
    private long _windowStart;
    private Metadata _admin = [], _partner = [], _treasurer = [];
    private GigService.GigServiceClient _gigs = null!;
    private AccountService.AccountServiceClient _accounts = null!;

    /// <summary>
    /// Runs the whole scenario and asserts every invariant; returns the figures. The server and client logs are
    /// deleted after a success and kept after a failure (their folder is printed first).
    /// </summary>
    public async Task<CrashSummary> RunAsync()
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), $"mc-crash-logs-{storage.Name}-{Guid.NewGuid():N}");
        var summary = await RunAsync(logDirectory);
        if (Environment.GetEnvironmentVariable("MC_CRASH_KEEP_DATA") != "1")
        {
            try
            {
                Directory.Delete(logDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder: the OS cleans it in the end.
            }
        }
        return summary;
    }

    private async Task<CrashSummary> RunAsync(string logDirectory)
    {
        var clock = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        _runs = Enumerable.Range(0, options.Gigs).Select(i => new GigRun(PlanGig(i, rng))).ToArray();
        _admin = Bearer("crash-admin", "admin");
        _partner = Bearer(PartnerId, "partner");
        _treasurer = Bearer("crash-treasurer", "treasurer");

        var environment = new Dictionary<string, string>(storage.Environment) { ["Auth__SigningKey"] = _tokens.SigningKey };
        await using var server = new ServerProcess(environment, logDirectory);
        await using var clientLog = new StreamWriter(Path.Combine(logDirectory, "client.log")) { AutoFlush = true };
        _clientLog = clientLog;
        server.Log = ClientLog;
        output.WriteLine($"[{storage.Name}] seed {options.Seed}, {options.Gigs} gigs, {options.Kills} kills, " +
            $"{options.ClientLoops} client loops; server {ServerBuild.AssemblyPath} on port {server.Port}; logs in {logDirectory}");
        try
        {
            _gigs = new GigService.GigServiceClient(server.Channel);
            _accounts = new AccountService.AccountServiceClient(server.Channel);
            await server.StartAsync(CancellationToken.None);
            await SetUpAsync(server);
            // From now on "ready" means an entity answers through sharding and the journal, not only Kestrel: the
            // kill comes 0.2–2 s after the server can really work, not while it is still warming up.
            server.ReadinessProbe = async (channel, deadline) =>
                await new BandService.BandServiceClient(channel).GetBandAsync(new GetBandRequest { BandId = BandId },
                    _admin, deadline);
            var setupTime = clock.Elapsed;

            // Crash phase: clients stream gigs while the server is killed and restarted.
            using var crashPhase = new CancellationTokenSource();
            var clients = Enumerable.Range(0, options.ClientLoops)
                .Select(i => Task.Run(() => ClientLoopAsync(new Random(options.Seed * 31 + i), crashPhase.Token)))
                .ToArray();
            for (var kill = 0; kill < options.Kills; kill++)
            {
                OpenWindow();
                var delay = options.KillDelayMin + (options.KillDelayMax - options.KillDelayMin) * rng.NextDouble();
                await Task.Delay(delay);
                await server.KillAsync();
                ClientLog($"killed (#{server.Kills})");
                await server.StartAsync(CancellationToken.None);
                ClientLog($"ready (start #{server.Starts})");
            }
            await crashPhase.CancelAsync();
            await Task.WhenAll(clients);
            var crashPhaseTime = clock.Elapsed - setupTime;

            // After the last restart: every unfinished step again, with its original request id, until all are settled.
            var pendingAfterCrashes = _runs.Count(r => r.Step != Step.Done);
            await FinishEverythingAsync();
            Assert.True(_unexpected.IsEmpty, "unexpected answers:\n" + string.Join("\n", _unexpected.Take(30)) + server.Tail());

            var summary = await VerifyAsync(pendingAfterCrashes);

            // Once more at rest: a SIGKILL of an idle server, a restart, and the ledger must read the same.
            var before = await CheckLedgerAsync();
            await server.KillAsync();
            await server.StartAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var after = await CheckLedgerAsync();
            Assert.Equal(before, after);

            Assert.True(server.Kills >= options.Kills + 1, $"only {server.Kills} kills");
            Assert.True(options.Kills == 0 || summary.CallsFailed > 0, "no call ever failed: the kills never met the stream");
            Assert.All(server.KillExitCodes, code => Assert.Equal(ServerProcess.SigkillExitCode, code));
            summary = summary with
            {
                Kills = server.Kills,
                Starts = server.Starts,
                ReadyMillisAverage = server.ReadyTimes.Average(t => t.TotalMilliseconds),
                ReadyMillisMax = server.ReadyTimes.Max(t => t.TotalMilliseconds),
                ReadyCpuMillisAverage = server.ReadyCpuTimes.Average(t => t.TotalMilliseconds),
                CrashPhase = crashPhaseTime,
                Total = clock.Elapsed,
                ServerErrorLines = server.ErrorLines.Count,
            };
            Report(summary, server);
            return summary;
        }
        catch (Exception)
        {
            output.WriteLine($"[{storage.Name}] FAILED after {clock.Elapsed}; failures by step/status: {FailureText()}");
            foreach (var line in server.ErrorLines.Take(40)) output.WriteLine("  server " + line);
            output.WriteLine(server.Tail());
            throw;
        }
    }

    // ---- set-up ----

    private async Task SetUpAsync(ServerProcess server)
    {
        var members = new MemberService.MemberServiceClient(server.Channel);
        var bands = new BandService.BandServiceClient(server.Channel);
        foreach (var id in MemberIds)
        {
            await RetryAsync(() => members.CreateMemberAsync(new CreateMemberRequest
            {
                RequestId = $"setup-member-{id}", MemberId = id, DisplayName = $"Musician {id}", Email = $"{id}@example.org",
            }, Options(_admin)).ResponseAsync);
        }
        await RetryAsync(() => bands.CreateBandAsync(new CreateBandRequest
        {
            RequestId = "setup-band", BandId = BandId, Name = "The Crash Test Dummies",
        }, Options(_admin)).ResponseAsync);
        foreach (var id in MemberIds)
        {
            await RetryAsync(() => bands.AddBandMemberAsync(new AddBandMemberRequest
            {
                RequestId = $"setup-join-{id}", BandId = BandId, MemberId = id, Role = RoleOf(id),
                JoinedOn = new GDate { Year = 2020, Month = 1, Day = 1 },
            }, Options(_admin)).ResponseAsync);
        }
        var policy = new SplitPolicy
        {
            Name = PolicyName, Version = 1, EffectiveFrom = new GDate { Year = 2020, Month = 1, Day = 1 },
            GigFundRate = "0.03", RoyaltyFundRate = "0.03",
            RoleWeights = { new RoleWeight { Role = "leader", Weight = "1.5" }, new RoleWeight { Role = "member", Weight = "1" } },
        };
        await RetryAsync(() => bands.PublishSplitPolicyAsync(new PublishSplitPolicyRequest
        {
            RequestId = "setup-policy", BandId = BandId, Policy = policy,
        }, Options(_admin)).ResponseAsync);
        var band = await RetryAsync(() => bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
        {
            RequestId = "setup-partner", BandId = BandId, PartnerId = PartnerId,
        }, Options(_admin)).ResponseAsync);
        Assert.Equal(MemberIds.Length, band.Members.Count);
        Assert.Contains(PartnerId, band.AuthorizedPartnerIds);
    }

    private static string RoleOf(string memberId) => memberId == MemberIds[0] ? "leader" : "member";

    private static GigPlan PlanGig(int index, Random rng)
    {
        var gigId = $"crash-gig-{index:D4}";
        var currency = index % 4 == 3 ? "JPY" : "EUR";
        // Mostly ordinary fees; now and then tiny ones, where rounding and the spare minor unit matter most.
        var fee = rng.Next(10) == 0 ? rng.Next(0, 12) : rng.NextInt64(1, currency == "JPY" ? 3_000_000 : 2_000_000);
        var lineup = MemberIds.Where(_ => rng.Next(4) != 0).ToList();
        if (lineup.Count == 0) lineup.Add(MemberIds[rng.Next(MemberIds.Length)]);
        var date = new DateOnly(2024, 1, 1).AddDays(index % 700);
        var register = new RegisterGigRequest
        {
            RequestId = $"crash-{index:D4}-register", GigId = gigId, BandId = BandId, Venue = $"Venue {index % 17}",
            Date = new GDate { Year = date.Year, Month = date.Month, Day = date.Day },
            AgreedFee = MinorUnits.ToMoney(currency, fee + rng.Next(0, 1000)),
        };
        register.Lineup.AddRange(lineup.Select(id => new LineupEntry { PayeeId = id, Role = RoleOf(id) }));
        return new GigPlan(index, gigId, currency, fee, register,
            new MarkPerformedRequest { RequestId = $"crash-{index:D4}-performed", GigId = gigId },
            new RecordFeeReceivedRequest { RequestId = $"crash-{index:D4}-fee", GigId = gigId, Fee = MinorUnits.ToMoney(currency, fee) });
    }

    // ---- the stream of gigs ----

    // A client loop: takes a gig that waits for a retry, else a new one (new gigs are released window by window so
    // the stream lasts through every kill), and advances it as far as it gets. A failed step waits and is sent again.
    // A loop whose call failed backs off (100 ms doubling to 1 s, reset by an answer) as a real client does, rather
    // than hammering a server that is down and slowing its restart on a small machine.
    private async Task ClientLoopAsync(Random rng, CancellationToken crashPhase)
    {
        var backoff = BackoffMin;
        while (!crashPhase.IsCancellationRequested)
        {
            var run = TakeRetry() ?? TakeNew();
            if (run is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
                continue;
            }
            if (await AdvanceAsync(run, rng, finalPhase: false))
            {
                backoff = BackoffMin;
                continue;
            }
            Requeue(run, rng);
            await Task.Delay(backoff * (0.5 + rng.NextDouble()), CancellationToken.None);
            backoff = TimeSpan.FromTicks(Math.Min(BackoffMax.Ticks, backoff.Ticks * 2));
        }
    }

    // A window is the time between the server becoming ready and its kill. New gigs are released through each
    // window, Gigs / Kills of them spread evenly over the longest kill delay, so that settlements are under way at
    // (nearly) every kill on a fast machine as on a slow one; what a window does not finish carries over.
    private void OpenWindow()
    {
        Interlocked.Exchange(ref _windowStart, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _windows);
    }

    private int Released()
    {
        if (options.Kills == 0) return options.Gigs;
        var windows = Volatile.Read(ref _windows);
        if (windows == 0) return 0;
        var fraction = Math.Clamp(Stopwatch.GetElapsedTime(Interlocked.Read(ref _windowStart)) / options.KillDelayMax, 0, 1);
        var perWindow = (double)options.Gigs / options.Kills;
        return (int)Math.Min(options.Gigs, Math.Ceiling(perWindow * (windows - 1 + fraction)));
    }

    private GigRun? TakeNew()
    {
        var released = Released();
        while (true)
        {
            var next = Volatile.Read(ref _nextGig);
            if (next >= released) return null;
            if (Interlocked.CompareExchange(ref _nextGig, next + 1, next) == next) return _runs[next];
        }
    }

    private GigRun? TakeRetry()
    {
        lock (_retries)
        {
            var now = Environment.TickCount64;
            var index = _retries.FindIndex(r => r.NotBefore <= now);
            if (index < 0) return null;
            var run = _retries[index];
            _retries.RemoveAt(index);
            return run;
        }
    }

    private void Requeue(GigRun run, Random rng)
    {
        run.NotBefore = Environment.TickCount64 + rng.Next(50, 200);
        lock (_retries) _retries.Add(run);
    }

    // Sends the gig's remaining steps in order. False when a step failed in a way a client retries (the server went
    // away, or answered UNAVAILABLE); an answer that should never come is recorded and ends the gig.
    private async Task<bool> AdvanceAsync(GigRun run, Random rng, bool finalPhase)
    {
        while (run.Step != Step.Done)
        {
            var thinkMs = (int)options.ThinkTimeMax.TotalMilliseconds;
            if (thinkMs > 0) await Task.Delay(rng.Next(thinkMs + 1), CancellationToken.None);
            var step = run.Step;
            run.Attempts[(int)step]++;
            var sent = DateTimeOffset.UtcNow;
            try
            {
                var gig = step switch
                {
                    Step.Register => await _gigs.RegisterGigAsync(run.Plan.Register, Options(_partner)),
                    Step.MarkPerformed => await _gigs.MarkPerformedAsync(run.Plan.Performed, Options(_partner)),
                    _ => await _gigs.RecordFeeReceivedAsync(run.Plan.Fee, Options(_partner)),
                };
                if (gig.GigId != run.Plan.GigId) throw new InvalidOperationException($"answer for gig '{gig.GigId}'");
                if (step == Step.RecordFee) Acknowledge(run, gig, sent, finalPhase);
                var took = DateTimeOffset.UtcNow - sent;
                _latencies[(int)step].Add(took.TotalMilliseconds);
                if (took > TimeSpan.FromMilliseconds(500))
                {
                    ClientLog($"{run.Plan.GigId} {step} attempt {run.Attempts[(int)step]} sent {sent:HH:mm:ss.fff}: OK after {took.TotalMilliseconds:F0} ms");
                }
                run.Step = step + 1;
            }
            catch (RpcException e) when (IsTransient(e.StatusCode))
            {
                run.Failures[(int)step]++;
                _failures.AddOrUpdate($"{step}/{e.StatusCode}", 1, (_, n) => n + 1);
                _failureDetails.TryAdd($"{step}/{e.StatusCode}", e.Status.Detail);
                ClientLog($"{run.Plan.GigId} {step} attempt {run.Attempts[(int)step]} sent {sent:HH:mm:ss.fff}: {e.StatusCode} {e.Status.Detail}");
                return false;
            }
            catch (Exception e)
            {
                _unexpected.Add($"{run.Plan.GigId} {step} (attempt {run.Attempts[(int)step]}): {e.GetType().Name}: {e.Message}");
                run.Step = Step.Done;
            }
        }
        return true;
    }

    private static void Acknowledge(GigRun run, Gig gig, DateTimeOffset sent, bool finalPhase)
    {
        if (gig.Status != GigStatus.Settled || gig.Settlement is null)
        {
            throw new InvalidOperationException($"RecordFeeReceived answered OK with status {gig.Status} and no settlement");
        }
        var settlement = gig.Settlement;
        var fee = MinorUnits.Of(settlement.Fee);
        if (fee != run.Plan.FeeMinor || settlement.Fee.CurrencyCode != run.Plan.Currency)
        {
            throw new InvalidOperationException($"settled {settlement.Fee} for a fee of {run.Plan.FeeMinor} {run.Plan.Currency}");
        }
        if (settlement.Lines.Sum(l => MinorUnits.Of(l.Amount)) != 0)
        {
            throw new InvalidOperationException("the settlement's lines do not sum to zero");
        }
        run.Settlement = settlement;
        run.AcknowledgedInFinalPhase = finalPhase;
        // Settled before this attempt was even sent: an earlier attempt was stored, but its answer never arrived.
        run.StoredByLostAttempt = settlement.SettleTime.ToDateTimeOffset() < sent;
    }

    private async Task FinishEverythingAsync()
    {
        List<GigRun> pending;
        lock (_retries)
        {
            pending = _runs.Where(r => r.Step != Step.Done).ToList();
            _retries.Clear();
        }
        var queue = new ConcurrentQueue<GigRun>(pending);
        var deadline = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.ClientLoops).Select(w => Task.Run(async () =>
        {
            var local = new Random(options.Seed * 17 + w);
            while (queue.TryDequeue(out var run))
            {
                while (!await AdvanceAsync(run, local, finalPhase: true))
                {
                    if (deadline.Elapsed > FinalPhaseTimeout)
                    {
                        _unexpected.Add($"{run.Plan.GigId} still not settled {FinalPhaseTimeout} after the last restart");
                        break;
                    }
                    await Task.Delay(local.Next(100, 300));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
    }

    // ---- verification ----

    private async Task<CrashSummary> VerifyAsync(int pendingAfterCrashes)
    {
        var accounts = _accounts;
        var settled = _runs.Select(r => r.Settlement ?? throw new InvalidOperationException($"{r.Plan.GigId} has no settlement")).ToArray();
        Assert.Equal(options.Gigs, settled.Select(s => s.TransactionId).Distinct().Count());

        // What the clients were told, summed per account and currency.
        var expected = new Dictionary<(string Account, string Currency), long>();
        foreach (var line in settled.SelectMany(s => s.Lines))
        {
            var key = (line.Account, line.Amount.CurrencyCode);
            expected[key] = expected.GetValueOrDefault(key) + MinorUnits.Of(line.Amount);
        }
        var postings = settled.Sum(s => s.Lines.Count);

        // The projection catches up: exactly one ledger transaction per gig, never more.
        var check = await WaitForProjectionAsync(options.Gigs);
        Assert.True(check.Balanced, $"the ledger is not balanced: {check}");
        Assert.All(check.Totals, t => Assert.Equal(0, MinorUnits.Of(t)));
        Assert.Equal(options.Gigs, check.TransactionCount);
        Assert.Equal(postings, check.PostingCount);

        // Every member's balance is the sum of their shares in the acknowledged settlements, to the minor unit.
        foreach (var member in MemberIds)
        {
            var reply = await RetryAsync(() => accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = member },
                Options(_treasurer)).ResponseAsync);
            var actual = reply.Balances.ToDictionary(b => b.CurrencyCode, MinorUnits.Of);
            var wanted = expected.Where(e => e.Key.Account == $"member/{member}")
                .ToDictionary(e => e.Key.Currency, e => e.Value);
            Assert.Equal(wanted.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
            await AssertEntriesAsync(accounts, member, settled);
        }

        // The accounts the API shows to no member: the fund and gig income, read from the read model itself.
        var store = new SqlReadModelStore(storage.Kind, storage.ReadModelConnectionString);
        await using (store)
        {
            foreach (var account in (string[])["fund", "income/gigs"])
            {
                var balances = await store.GetBalancesAsync(account, CancellationToken.None);
                var wanted = expected.Where(e => e.Key.Account == account).OrderBy(e => e.Key.Currency)
                    .Select(e => (e.Key.Currency, e.Value));
                Assert.Equal(wanted, balances.Select(b => (b.Currency, b.AmountMinor)));
            }
            var fundSum = settled.GroupBy(s => s.Fund.CurrencyCode).ToDictionary(g => g.Key, g => g.Sum(s => MinorUnits.Of(s.Fund)));
            Assert.Equal(fundSum.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)),
                expected.Where(e => e.Key.Account == "fund").OrderBy(e => e.Key.Currency).Select(e => (e.Key.Currency, e.Value)));
            var feeSum = _runs.GroupBy(r => r.Plan.Currency).ToDictionary(g => g.Key, g => -g.Sum(r => r.Plan.FeeMinor));
            Assert.Equal(feeSum.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)),
                expected.Where(e => e.Key.Account == "income/gigs").OrderBy(e => e.Key.Currency).Select(e => (e.Key.Currency, e.Value)));
        }

        // Every request once more, with its request id: the same settlement comes back and nothing moves.
        await Parallel.ForEachAsync(_runs, new ParallelOptions { MaxDegreeOfParallelism = options.ClientLoops },
            async (run, _) =>
            {
                await RetryAsync(() => _gigs.RegisterGigAsync(run.Plan.Register, Options(_partner)).ResponseAsync);
                await RetryAsync(() => _gigs.MarkPerformedAsync(run.Plan.Performed, Options(_partner)).ResponseAsync);
                var again = await RetryAsync(() => _gigs.RecordFeeReceivedAsync(run.Plan.Fee, Options(_partner)).ResponseAsync);
                Assert.Equal(GigStatus.Settled, again.Status);
                Assert.Equal(run.Settlement, again.Settlement);
            });
        await Task.Delay(TimeSpan.FromSeconds(1)); // several journal polls of the projection
        var checkAfterResend = await CheckLedgerAsync();
        Assert.Equal(check, checkAfterResend);
        foreach (var member in MemberIds)
        {
            var reply = await RetryAsync(() => accounts.GetBalanceAsync(new GetBalanceRequest { MemberId = member },
                Options(_treasurer)).ResponseAsync);
            var wanted = expected.Where(e => e.Key.Account == $"member/{member}").OrderBy(e => e.Key.Currency)
                .Select(e => (e.Key.Currency, e.Value));
            Assert.Equal(wanted, reply.Balances.Select(b => (b.CurrencyCode, MinorUnits.Of(b))).OrderBy(b => b.CurrencyCode));
        }

        return new CrashSummary
        {
            Engine = storage.Name,
            Gigs = options.Gigs,
            FeeAcknowledgedFirstTry = _runs.Count(r => !r.AcknowledgedInFinalPhase && r.Failures[(int)Step.RecordFee] == 0),
            FeeAcknowledgedAfterRetryDuringCrashes = _runs.Count(r => !r.AcknowledgedInFinalPhase && r.Failures[(int)Step.RecordFee] > 0),
            CompletedAfterLastRestart = _runs.Count(r => r.AcknowledgedInFinalPhase),
            PendingAfterCrashes = pendingAfterCrashes,
            FeeCallsFailed = _runs.Sum(r => r.Failures[(int)Step.RecordFee]),
            FeeSettledByLostAttempt = _runs.Count(r => r.StoredByLostAttempt),
            CallsFailed = _runs.Sum(r => r.Failures.Sum()),
            CallsSent = _runs.Sum(r => r.Attempts.Sum()),
            TransactionCount = check.TransactionCount,
            PostingCount = check.PostingCount,
            Totals = string.Join(", ", check.Totals.Select(t => $"{MinorUnits.Of(t)} {t.CurrencyCode}")),
            FailuresByStatus = FailureText(),
        };
    }

    // A member's ledger entries are exactly their lines of the settlements, each once.
    private async Task AssertEntriesAsync(AccountService.AccountServiceClient accounts, string member, Settlement[] settled)
    {
        var entries = new List<LedgerEntry>();
        var token = "";
        do
        {
            var page = await RetryAsync(() => accounts.ListEntriesAsync(new ListEntriesRequest
            {
                MemberId = member, PageSize = 500, PageToken = token,
            }, Options(_treasurer)).ResponseAsync);
            entries.AddRange(page.Entries);
            token = page.NextPageToken;
        } while (token.Length > 0);
        var wanted = settled.SelectMany(s => s.Lines.Where(l => l.Account == $"member/{member}")
                .Select(l => (s.TransactionId, l.Amount.CurrencyCode, MinorUnits.Of(l.Amount))))
            .Order().ToList();
        var actual = entries.Select(e => (e.TransactionId, e.Amount.CurrencyCode, MinorUnits.Of(e.Amount))).Order().ToList();
        Assert.Equal(wanted, actual);
    }

    private async Task<CheckLedgerResponse> WaitForProjectionAsync(long transactions)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var check = await CheckLedgerAsync();
            Assert.True(check.TransactionCount <= transactions,
                $"the ledger holds {check.TransactionCount} transactions for {transactions} gigs");
            if (check.TransactionCount == transactions) return check;
            if (clock.Elapsed > ProjectionTimeout)
            {
                Assert.Fail($"the projection stopped at {check.TransactionCount} of {transactions} transactions");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private async Task<CheckLedgerResponse> CheckLedgerAsync()
    {
        return await RetryAsync(() => _accounts.CheckLedgerAsync(new CheckLedgerRequest(), Options(_treasurer)).ResponseAsync);
    }

    // ---- plumbing ----

    private static bool IsTransient(StatusCode code) => code is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.Aborted or StatusCode.ResourceExhausted;

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException e) when (IsTransient(e.StatusCode) && clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private Metadata Bearer(string subject, string role) => new() { { "authorization", $"Bearer {_tokens.Issue(subject, role)}" } };

    private static CallOptions Options(Metadata headers) => new(headers, DateTime.UtcNow + CallDeadline);

    private static string Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return "-";
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return $"{At(0.5):F0}/{At(0.95):F0}/{sorted[^1]:F0}";
    }

    private readonly object _clientLogGate = new();
    private StreamWriter? _clientLog;

    // The clients' side of the story, beside the server logs: every failed call with the time it was sent.
    private void ClientLog(string line)
    {
        lock (_clientLogGate) _clientLog?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
    }

    private string FailureText() =>
        _failures.IsEmpty ? "none" : string.Join(", ", _failures.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"));

    private string FailureDetails() => string.Join(Environment.NewLine,
        _failureDetails.OrderBy(f => f.Key).Select(f => $"  first {f.Key}: {f.Value}"));

    private void Report(CrashSummary s, ServerProcess server)
    {
        output.WriteLine($"[{s.Engine}] {s.Kills} SIGKILLs ({server.Starts} starts, ready in {s.ReadyMillisAverage:F0} ms on average, " +
            $"{s.ReadyMillisMax:F0} ms at most, {s.ReadyCpuMillisAverage:F0} ms of CPU on average by then); crash phase {s.CrashPhase.TotalSeconds:F1} s, total {s.Total.TotalSeconds:F1} s");
        output.WriteLine($"[{s.Engine}] {s.Gigs} gigs: fee acknowledged at the first attempt {s.FeeAcknowledgedFirstTry}, " +
            $"after retries during the crashes {s.FeeAcknowledgedAfterRetryDuringCrashes}, completed by retries after the last " +
            $"restart {s.CompletedAfterLastRestart} ({s.PendingAfterCrashes} gigs unfinished when the kills stopped)");
        output.WriteLine($"[{s.Engine}] calls {s.CallsSent}, failed {s.CallsFailed}; RecordFeeReceived failed {s.FeeCallsFailed} times; " +
            $"settlements stored by an attempt whose answer was lost {s.FeeSettledByLostAttempt}");
        output.WriteLine($"[{s.Engine}] latency of answered calls (p50/p95/max ms): " + string.Join(", ",
            Enum.GetValues<Step>().Where(st => st != Step.Done).Select(st => $"{st} {Percentiles(_latencies[(int)st])}")));
        output.WriteLine($"[{s.Engine}] failures by step/status: {s.FailuresByStatus}");
        output.WriteLine(FailureDetails());
        output.WriteLine($"[{s.Engine}] ledger: {s.TransactionCount} transactions, {s.PostingCount} postings, totals {s.Totals}; " +
            $"server error lines {s.ServerErrorLines}");
        foreach (var line in server.ErrorLines.Take(20)) output.WriteLine("  server " + line);
    }
}

/// <summary>The steps of one gig, in order.</summary>
internal enum Step
{
    Register = 0,
    MarkPerformed = 1,
    RecordFee = 2,
    Done = 3,
}

/// <summary>The fixed requests of one gig: a retry sends exactly these again.</summary>
internal sealed record GigPlan(int Index, string GigId, string Currency, long FeeMinor, RegisterGigRequest Register,
    MarkPerformedRequest Performed, RecordFeeReceivedRequest Fee);

/// <summary>How far a gig got, and what the client was told.</summary>
internal sealed class GigRun(GigPlan plan)
{
    public GigPlan Plan { get; } = plan;
    public Step Step { get; set; }
    public int[] Attempts { get; } = new int[3];
    public int[] Failures { get; } = new int[3];
    public Settlement? Settlement { get; set; }
    public bool AcknowledgedInFinalPhase { get; set; }
    public bool StoredByLostAttempt { get; set; }
    public long NotBefore { get; set; }
}

/// <summary>The figures of one crash run.</summary>
internal sealed record CrashSummary
{
    public string Engine { get; init; } = "";
    public int Kills { get; init; }
    public int Starts { get; init; }
    public double ReadyMillisAverage { get; init; }
    public double ReadyMillisMax { get; init; }
    public double ReadyCpuMillisAverage { get; init; }
    public TimeSpan CrashPhase { get; init; }
    public TimeSpan Total { get; init; }
    public int Gigs { get; init; }
    public int FeeAcknowledgedFirstTry { get; init; }
    public int FeeAcknowledgedAfterRetryDuringCrashes { get; init; }
    public int CompletedAfterLastRestart { get; init; }
    public int PendingAfterCrashes { get; init; }
    public int FeeCallsFailed { get; init; }
    public int FeeSettledByLostAttempt { get; init; }
    public int CallsFailed { get; init; }
    public int CallsSent { get; init; }
    public long TransactionCount { get; init; }
    public long PostingCount { get; init; }
    public string Totals { get; init; } = "";
    public string FailuresByStatus { get; init; } = "";
    public int ServerErrorLines { get; init; }
}
