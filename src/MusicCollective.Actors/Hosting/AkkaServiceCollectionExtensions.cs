using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Persistence.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MusicCollective.Actors.Entities;
using MusicCollective.Actors.Projection;
using MusicCollective.Actors.Serialization;
using MusicCollective.Actors.Sharding;
using MusicCollective.ReadModel;

namespace MusicCollective.Actors.Hosting;

/// <summary>Registers the actor system: cluster, persistence, serialization, entity shard regions, projection.</summary>
public static class AkkaServiceCollectionExtensions
{
    /// <summary>
    /// The journal's settings, public so tests run a journal configured exactly as the server's. parallelism = 1: one
    /// writer drains the journal's queue, so the events of many entities written at the same moment share one database
    /// transaction instead of each paying its own commit (measured: half the commits per settlement under load, and
    /// more settlements per second). class: the plugin's journal with a cheaper highest-sequence-number read and group
    /// commit on PostgreSQL (PostgresJournal says how). Window measured in the load benchmark: 10 ms cut the CPU per
    /// settlement by about a fifth and raised throughput; 20 ms gained no more, 2 and 5 ms made transactions too small
    /// to gain. A write after 50 ms without any goes at once. circuit-breaker.max-failures: every write in a failed
    /// shared transaction counts as one failure, so Akka's default of 10 would let one bad transaction of a busy
    /// moment refuse all writes and recoveries of the node for 30 s; an outage still opens it within moments.
    /// </summary>
    public const string JournalHocon = """
        akka.persistence.journal.sql.class = "MusicCollective.Actors.Persistence.PostgresJournal, MusicCollective.Actors"
        akka.persistence.journal.sql.parallelism = 1
        akka.persistence.journal.sql.prefer-parameters-on-multirow-insert = true
        akka.persistence.journal.sql.group-commit-window = 10ms
        akka.persistence.journal.sql.group-commit-max-writes = 32
        akka.persistence.journal.sql.circuit-breaker.max-failures = 100
        """;

    // refresh-interval: the projection polls the journal this often when idle, the delay before a settlement shows
    // in balances.
    private const string QueryHocon = """
        akka.persistence.query.journal.sql.refresh-interval = 100ms
        akka.cluster.sharding.passivate-idle-entity-after = 5m
        akka.coordinated-shutdown.exit-clr = off
        """;

    /// <summary>Adds the Akka.NET actor system with every MusicCollective entity and the read-model projection.</summary>
    public static IServiceCollection AddMusicCollectiveAkka(this IServiceCollection services, AkkaSettings settings)
    {
        services.AddSingleton<EntityGateway>();
        services.AddSingleton<ClusterMembership>();
        services.AddAkka(settings.SystemName, (builder, provider) =>
        {
            var clock = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var store = provider.GetRequiredService<IReadModelStore>();
            // Shard placement lives in distributed data, not in the journal (Akka's persistence mode is deprecated): the
            // coordinator then keeps working through a database outage instead of failing to persist placements.
            var shardOptions = new ShardOptions { RememberEntities = false, StateStoreMode = StateStoreMode.DData };
            builder
                .AddHocon(JournalHocon, HoconAddMode.Prepend)
                .AddHocon(QueryHocon, HoconAddMode.Prepend)
                .WithRemoting(settings.Hostname, settings.Port)
                .WithClustering(new ClusterOptions { SeedNodes = settings.SeedNodes.ToArray() })
                .WithSqlPersistence(settings.JournalConnectionString, settings.ProviderName, PersistenceMode.Both,
                    autoInitialize: true)
                .WithCustomSerializer(JsonMessageSerializer.Name, ManifestRegistry.BoundBaseTypes,
                    system => new JsonMessageSerializer(system))
                .WithShardRegion<MemberRegion>("member", id => MemberActor.PropsFor(id, clock),
                    new EntityMessageExtractor(), shardOptions)
                .WithShardRegion<BandRegion>("band", id => BandActor.PropsFor(id, clock),
                    new EntityMessageExtractor(), shardOptions)
                .WithShardRegion<GigRegion>("gig", id => GigActor.PropsFor(id, clock),
                    new EntityMessageExtractor(), shardOptions)
                .WithSingleton<ReadModelProjectionKey>("read-model-projection", ReadModelProjection.PropsFor(store),
                    createProxyToo: false)
                .AddStartup((system, _) =>
                {
                    // No seed nodes: this node is the whole cluster, so it joins itself.
                    if (settings.SeedNodes.Count > 0) return;
                    var cluster = Cluster.Get(system);
                    cluster.Join(cluster.SelfAddress);
                });
        });
        return services;
    }
}
