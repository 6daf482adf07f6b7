using Akka;
using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MusicCollective.ReadModel;

namespace MusicCollective.Actors.Projection;

/// <summary>
/// Projects the whole journal, in its global order, into the SQL read model (ledger postings, lists). Each batch of
/// changes is committed together with the journal offset it reached, in one database transaction, so a crash at any
/// instant either applied a batch and its offset or neither: on restart the stream resumes after the stored offset
/// and nothing reaches the ledger twice (transaction ids are also unique in SQL). Runs as a cluster singleton.
/// </summary>
public sealed class ReadModelProjection : ReceiveActor
{
    /// <summary>The projection's name in the offsets table.</summary>
    public const string ProjectionName = "read-model";

    /// <summary>Most events applied in one SQL transaction.</summary>
    public const int BatchEventsMax = 1_000;

    /// <summary>How long a batch waits to fill before it is applied anyway.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(20);

    private readonly IReadModelStore _store;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private UniqueKillSwitch? _killSwitch;

    /// <summary>Creates the projection over <paramref name="store"/>.</summary>
    public ReadModelProjection(IReadModelStore store)
    {
        _store = store;
        ReceiveAny(_ => { });
    }

    /// <summary>Props for the singleton.</summary>
    public static Props PropsFor(IReadModelStore store) => Props.Create(() => new ReadModelProjection(store));

    /// <inheritdoc />
    protected override void PreStart()
    {
        var system = Context.System;
        var materializer = Context.Materializer();
        var restart = RestartSettings.Create(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), 0.2);
        _killSwitch = RestartSource.OnFailuresWithBackoff(() => ProjectFromStoredOffset(system), restart)
            .ViaMaterialized(KillSwitches.Single<long>(), Keep.Right)
            .ToMaterialized(Sink.Ignore<long>(), Keep.Left)
            .Run(materializer);
    }

    /// <inheritdoc />
    protected override void PostStop() => _killSwitch?.Shutdown();

    // One attempt: get the read journal, read the stored offset, follow the journal from there, apply batches. Any
    // failure (the database is down, say) fails the attempt; the restart wrapper starts a new one from the offset
    // then stored. The read journal is part of the attempt, not of PreStart: its constructor blocks until the write
    // journal answers (5 s at most, then it throws), which on a busy machine or a slow database right after a start
    // can fail. In PreStart that failure stopped this singleton for good and the ledger never moved again.
    private Source<long, NotUsed> ProjectFromStoredOffset(ActorSystem system) =>
        Source.FromTask(Task.Run(() => ReadJournal(system)))
            .ConcatMany(readJournal => Source.FromTask(_store.GetOffsetAsync(ProjectionName, CancellationToken.None))
                .ConcatMany(offset => readJournal.AllEvents(Offset.Sequence(offset))))
            .GroupedWithin(BatchEventsMax, BatchWindow)
            .SelectAsync(1, async batch => await ApplyBatch(batch.ToList()));

    private SqlReadJournal ReadJournal(ActorSystem system)
    {
        try
        {
            return PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        }
        catch (Exception exception)
        {
            _log.Warning(exception, "the read journal is not available yet; the projection retries");
            throw;
        }
    }

    private async Task<long> ApplyBatch(IReadOnlyList<EventEnvelope> batch)
    {
        var offset = batch.Max(e => ((Sequence)e.Offset).Value);
        var changes = batch.SelectMany(e => ReadModelChanges.Of(e.Event)).ToArray();
        try
        {
            await _store.ApplyAsync(ProjectionName, offset, changes, CancellationToken.None);
        }
        catch (Exception exception)
        {
            _log.Warning(exception, "read-model batch up to offset {0} failed; retrying from the stored offset", offset);
            throw;
        }
        return offset;
    }
}
