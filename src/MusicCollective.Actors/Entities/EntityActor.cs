using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Streams;
using MusicCollective.Domain.Entities;

namespace MusicCollective.Actors.Entities;

/// <summary>
/// The thin persistent actor every entity shares: it routes a command to the pure Process function, persists the
/// events it decides, applies them, and only then replies (never before the write is durable). Retries and
/// rejections persist nothing; a retry is answered with its first answer (AIP-155), the state right after its
/// request's event, even when the entity has moved on since. A snapshot is taken every
/// <see cref="SnapshotEveryEvents"/> events.
/// </summary>
public abstract class EntityActor<TState, TCommand, TEvent> : ReceivePersistentActor
    where TState : class, IEntityState
    where TCommand : class
    where TEvent : class, IRequestEvent
{
    /// <summary>Events between snapshots.</summary>
    public const int SnapshotEveryEvents = 100;

    private readonly TState _initial;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IMaterializer? _materializer;

    /// <summary>Sets up recovery and command handling.</summary>
    protected EntityActor(string persistenceId, TState initial, TimeProvider clock)
    {
        PersistenceId = persistenceId;
        State = initial;
        _initial = initial;
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

    /// <inheritdoc />
    public override Recovery Recovery => TakesSnapshots ? Recovery.Default : new Recovery(SnapshotSelectionCriteria.None);

    /// <summary>True for a read-only query, answered from the current state.</summary>
    protected abstract bool IsQuery(TCommand command);

    /// <summary>The pure decision.</summary>
    protected abstract Decision<TEvent> Process(TState state, TCommand command, DateTimeOffset now);

    /// <summary>The pure state transition; it also runs off the actor's thread, to replay the first answer to a retry.</summary>
    protected abstract TState Apply(TState state, TEvent @event);

    /// <summary>The reply message for a state, or for a rejection; pure, like <see cref="Apply"/>.</summary>
    protected abstract object Reply(TState state, Rejection? rejection);

    private void Handle(TCommand command)
    {
        if (IsQuery(command))
        {
            Sender.Tell(Reply(State, null));
            return;
        }
        var decision = Process(State, command, _clock.GetUtcNow());
        if (decision.IsRetry)
        {
            AnswerRetry(command, Sender);
            return;
        }
        if (decision.Rejection is not null)
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

    // A retry gets its first answer: the state right after its request's event. When that request was the last one
    // applied, that is the current state. Otherwise the entity's own events are read back and folded up to it, off
    // the actor's thread (the entity goes on serving commands), and the answer goes straight to the caller. A failed
    // read answers with the failure (the caller sees INTERNAL and may retry again); nothing is written either way.
    private void AnswerRetry(TCommand command, IActorRef replyTo)
    {
        if (command is not IStamped { Stamp.RequestId: var requestId } || State.Requests.IsLast(requestId))
        {
            replyTo.Tell(Reply(State, null));
            return;
        }
        var current = State;
        var log = _log;
        var persistenceId = PersistenceId;
        _materializer ??= Context.Materializer();
        FirstAnswerQuery.RunAsync<TState, TEvent>(Context.System, _materializer, persistenceId, LastSequenceNr,
                FirstAnswerReplay<TState>.Start(requestId, _initial), Apply)
            .PipeTo(replyTo,
                success: replay =>
                {
                    if (replay.Found) return Reply(replay.State, null);
                    log.Warning("request {0} of {1} is in its log but in none of its events; answered with the current state",
                        requestId, persistenceId);
                    return Reply(current, null);
                },
                failure: exception =>
                {
                    log.Warning(exception, "could not replay {0} to answer a retry of request {1}", persistenceId, requestId);
                    return new Status.Failure(exception);
                });
    }
}
