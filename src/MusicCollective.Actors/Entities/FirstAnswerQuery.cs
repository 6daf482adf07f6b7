using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MusicCollective.Domain.Entities;

namespace MusicCollective.Actors.Entities;

/// <summary>
/// Rebuilds the first answer to a late retry: reads one entity's own events back from the journal, through the SQL
/// read journal every host configures, and folds them with <see cref="FirstAnswerReplay{TState}"/>. It stops reading
/// at the first event after the retried request's, so an old request costs no more than the events up to it.
/// </summary>
internal static class FirstAnswerQuery
{
    /// <summary>
    /// Folds the events of <paramref name="persistenceId"/> (sequence numbers 1 to <paramref name="toSequenceNr"/>)
    /// into <paramref name="start"/> with <paramref name="apply"/>, which must be pure: it runs off the actor's thread.
    /// </summary>
    public static async Task<FirstAnswerReplay<TState>> RunAsync<TState, TEvent>(ActorSystem system,
        IMaterializer materializer, string persistenceId, long toSequenceNr, FirstAnswerReplay<TState> start,
        Func<TState, TEvent, TState> apply)
        where TEvent : IRequestEvent
    {
        // Asked for here, not when the entity starts: the first time, the read journal blocks until the write journal
        // answers (5 s at most), which must hold up neither a starting entity nor its thread.
        var journal = await Task.Run(() =>
            PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier));
        return await journal.CurrentEventsByPersistenceId(persistenceId, 0, toSequenceNr)
            .Select(envelope => (TEvent)envelope.Event)
            .Scan(start, (replay, @event) => replay.Step(@event, apply))
            .TakeWhile(replay => !replay.Complete)
            .RunWith(Sink.Last<FirstAnswerReplay<TState>>(), materializer);
    }
}
