using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using MusicCollective.Domain.Entities;

namespace MusicCollective.Actors.Entities;

/// <summary>
/// The thin persistent actor every entity shares: it routes a command to the pure Process function, persists the
/// events it decides, applies them, and only then replies (never before the write is durable). Retries and
/// rejections persist nothing. A snapshot is taken every <see cref="SnapshotEveryEvents"/> events.
/// </summary>
public abstract class EntityActor<TState, TCommand, TEvent> : ReceivePersistentActor
    where TState : class
    where TCommand : class
    where TEvent : class
{
    /// <summary>Events between snapshots.</summary>
    public const int SnapshotEveryEvents = 100;

    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Sets up recovery and command handling.</summary>
    protected EntityActor(string persistenceId, TState initial, TimeProvider clock)
    {
        PersistenceId = persistenceId;
        State = initial;
        _clock = clock;
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is TState snapshot) State = snapshot;
        });
        Recover<TEvent>(e => State = Apply(State, e));
        Command<TCommand>(Handle);
        Command<SaveSnapshotSuccess>(success =>
            DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failure => _log.Warning(failure.Cause, "snapshot of {0} failed", PersistenceId));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failure => _log.Warning(failure.Cause, "old snapshots of {0} not deleted", PersistenceId));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The entity's current state.</summary>
    protected TState State { get; private set; }

    /// <summary>
    /// False for an entity whose history stays short: it neither saves snapshots nor looks one up when it starts,
    /// which saves a snapshot-store query on every activation.
    /// </summary>
    protected virtual bool TakesSnapshots => true;

    /// <summary>True for a read-only query, answered from the current state.</summary>
    protected abstract bool IsQuery(TCommand command);

    /// <summary>The pure decision.</summary>
    protected abstract Decision<TEvent> Process(TState state, TCommand command, DateTimeOffset now);

    /// <summary>The pure state transition.</summary>
    protected abstract TState Apply(TState state, TEvent @event);

    /// <summary>The reply message for a state, or for a rejection.</summary>
    protected abstract object Reply(TState state, Rejection? rejection);

    private void Handle(TCommand command)
    {
        if (IsQuery(command))
        {
            Sender.Tell(Reply(State, null));
            return;
        }
        var decision = Process(State, command, _clock.GetUtcNow());
        if (decision.Rejection is not null || decision.IsRetry)
        {
            Sender.Tell(Reply(State, decision.Rejection));
            return;
        }
        var replyTo = Sender;
        PersistAll(decision.Events, e =>
        {
            State = Apply(State, e);
            if (TakesSnapshots && LastSequenceNr % SnapshotEveryEvents == 0) SaveSnapshot(State);
        });
        DeferAsync(decision, _ => replyTo.Tell(Reply(State, null)));
    }
}
