using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using MusicCollective.Testing;
using MusicCollective.Api.V1;
using GoogleDate = Google.Type.Date;
using GoogleMoney = Google.Type.Money;

namespace MusicCollective.LoadTest;

/// <summary>The latencies of one gig run: each whole gig, and each of its three calls.</summary>
public sealed class GigRecorders(int count)
{
    /// <summary>RegisterGig + MarkPerformed + RecordFeeReceived, end to end.</summary>
    public LatencyRecorder Settlement { get; } = new("settlement (3 RPCs)", count);

    /// <summary>RegisterGig alone.</summary>
    public LatencyRecorder Register { get; } = new("  RegisterGig", count);

    /// <summary>MarkPerformed alone.</summary>
    public LatencyRecorder Performed { get; } = new("  MarkPerformed", count);

    /// <summary>RecordFeeReceived alone.</summary>
    public LatencyRecorder Fee { get; } = new("  RecordFeeReceived", count);

    /// <summary>Failure messages, the first few kept.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();
}

/// <summary>
/// The co-op the benchmark works with, and the work: <see cref="SetUpAsync"/> registers members and bands of five
/// (leader + four members) with a split policy (3% fund, leader weight 1.5, member 1) and an authorised partner app;
/// <see cref="RunGigsAsync"/> has the partner register, mark performed and settle gigs with five-member line-ups.
/// </summary>
public sealed class GigWorkload(ClientChannels channels, BearerTokens tokens, int bandCount)
{
    /// <summary>The partner app every band authorises; it registers and settles the gigs.</summary>
    public const string PartnerId = "loadtest-booking-app";

    /// <summary>Members per band (and performers per gig).</summary>
    public const int MembersPerBand = 5;

    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(4);
    private const int SetupParallelism = 16;
    private const int ErrorsKept = 10;

    private readonly Metadata _admin = Bearer(tokens.Issue("loadtest-admin", "admin", TokenLifetime));
    private readonly Metadata _partner = Bearer(tokens.Issue(PartnerId, "partner", TokenLifetime));
    private readonly BandLineup[] _bands = Enumerable.Range(0, bandCount).Select(BandLineup.Of).ToArray();

    /// <summary>Registers the members and bands (not timed).</summary>
    public async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var members = new MemberService.MemberServiceClient(channels.For(0));
        var bands = new BandService.BandServiceClient(channels.For(0));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = SetupParallelism, CancellationToken = cancellationToken };

        await Parallel.ForEachAsync(_bands.SelectMany(b => b.MemberIds), parallel, async (memberId, ct) =>
            await members.CreateMemberAsync(new CreateMemberRequest
            {
                RequestId = $"setup-{memberId}",
                MemberId = memberId,
                DisplayName = $"Musician {memberId}",
                Email = $"{memberId}@loadtest.invalid",
            }, _admin, Deadline(), ct));

        await Parallel.ForEachAsync(_bands, parallel, async (band, ct) =>
        {
            await bands.CreateBandAsync(new CreateBandRequest
            {
                RequestId = $"setup-{band.BandId}", BandId = band.BandId, Name = $"Load Test Band {band.BandId}",
            }, _admin, Deadline(), ct);
            for (var i = 0; i < band.MemberIds.Length; i++)
            {
                await bands.AddBandMemberAsync(new AddBandMemberRequest
                {
                    RequestId = $"setup-{band.BandId}-add-{i}",
                    BandId = band.BandId,
                    MemberId = band.MemberIds[i],
                    Role = band.Lineup[i].Role,
                    JoinedOn = new GoogleDate { Year = 2020, Month = 1, Day = 1 },
                }, _admin, Deadline(), ct);
            }
            var policy = new SplitPolicy
            {
                Name = "standard",
                Version = 1,
                EffectiveFrom = new GoogleDate { Year = 2020, Month = 1, Day = 1 },
                GigFundRate = "0.03",
                RoyaltyFundRate = "0.03",
            };
            policy.RoleWeights.Add(new RoleWeight { Role = "leader", Weight = "1.5" });
            policy.RoleWeights.Add(new RoleWeight { Role = "member", Weight = "1" });
            await bands.PublishSplitPolicyAsync(new PublishSplitPolicyRequest
            {
                RequestId = $"setup-{band.BandId}-policy", BandId = band.BandId, Policy = policy,
            }, _admin, Deadline(), ct);
            await bands.AuthorizePartnerAsync(new AuthorizePartnerRequest
            {
                RequestId = $"setup-{band.BandId}-partner", BandId = band.BandId, PartnerId = PartnerId,
            }, _admin, Deadline(), ct);
        });
    }

    /// <summary>
    /// Registers and settles <paramref name="count"/> gigs (ids <paramref name="prefix"/>-NNNNNN) with
    /// <paramref name="clients"/> concurrent clients, each looping over its share (gig n goes to client n mod clients).
    /// Stops early, cancelled, when more than 1% of the gigs (at least 50) failed.
    /// </summary>
    public async Task<TimeSpan> RunGigsAsync(string prefix, int count, int clients, GigRecorders recorders,
        CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failuresMax = Math.Max(50, count / 100);
        var started = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var gigs = new GigService.GigServiceClient(channels.For(client));
            for (var n = client; n < count; n += clients)
            {
                abort.Token.ThrowIfCancellationRequested();
                if (!await RunOneGigAsync(gigs, prefix, n, recorders, abort.Token)
                    && recorders.Settlement.Failed > failuresMax)
                {
                    await abort.CancelAsync();
                }
            }
        }, abort.Token)).ToArray();
        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"stopped after {recorders.Settlement.Failed} failed gigs; first errors:\n  " +
                string.Join("\n  ", recorders.Errors));
        }
        return started.Elapsed;
    }

    // One gig, timed as a whole and per call. False when a call failed (counted, the first errors kept).
    private async Task<bool> RunOneGigAsync(GigService.GigServiceClient gigs, string prefix, int n, GigRecorders recorders,
        CancellationToken cancellationToken)
    {
        var band = _bands[n % _bands.Length];
        var gigId = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{n:D6}");
        var units = 500 + n % 1500;
        var nanos = n % 2 == 0 ? 0 : 500_000_000;
        var stage = recorders.Register;
        var start = Stopwatch.GetTimestamp();
        try
        {
            var register = new RegisterGigRequest
            {
                RequestId = gigId + "-register",
                GigId = gigId,
                BandId = band.BandId,
                Venue = $"Venue {n % 97}",
                Date = new GoogleDate { Year = 2025, Month = 1 + n % 12, Day = 1 + n % 28 },
                AgreedFee = new GoogleMoney { CurrencyCode = "EUR", Units = units, Nanos = nanos },
            };
            register.Lineup.Add(band.Lineup);
            await gigs.RegisterGigAsync(register, _partner, Deadline(), cancellationToken);
            recorders.Register.Record(n, start);

            stage = recorders.Performed;
            var performedStart = Stopwatch.GetTimestamp();
            await gigs.MarkPerformedAsync(new MarkPerformedRequest { RequestId = gigId + "-performed", GigId = gigId },
                _partner, Deadline(), cancellationToken);
            recorders.Performed.Record(n, performedStart);

            stage = recorders.Fee;
            var feeStart = Stopwatch.GetTimestamp();
            var settled = await gigs.RecordFeeReceivedAsync(new RecordFeeReceivedRequest
            {
                RequestId = gigId + "-fee",
                GigId = gigId,
                Fee = new GoogleMoney { CurrencyCode = "EUR", Units = units, Nanos = nanos },
            }, _partner, Deadline(), cancellationToken);
            if (settled.Status != GigStatus.Settled || settled.Settlement is null)
            {
                throw new InvalidOperationException($"gig {gigId} came back {settled.Status}, not settled");
            }
            recorders.Fee.Record(n, feeStart);
            recorders.Settlement.Record(n, start);
            return true;
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException
                                          && !cancellationToken.IsCancellationRequested)
        {
            stage.Fail();
            recorders.Settlement.Fail();
            if (recorders.Errors.Count < ErrorsKept) recorders.Errors.Enqueue($"{stage.Name.Trim()} {gigId}: {exception.Message}");
            return false;
        }
    }

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    private static DateTime Deadline() => DateTime.UtcNow + CallTimeout;

    // A band's ids and the line-up every gig of it uses: its leader and four members.
    private sealed record BandLineup(string BandId, string[] MemberIds, LineupEntry[] Lineup)
    {
        public static BandLineup Of(int index)
        {
            var bandId = string.Create(CultureInfo.InvariantCulture, $"loadtest-band-{index:D4}");
            var memberIds = Enumerable.Range(0, MembersPerBand)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"loadtest-m-{index:D4}-{i}")).ToArray();
            var lineup = memberIds.Select((id, i) => new LineupEntry { PayeeId = id, Role = i == 0 ? "leader" : "member" })
                .ToArray();
            return new BandLineup(bandId, memberIds, lineup);
        }
    }
}
