using MusicCollective.ReadModel;

namespace MusicCollective.Server.Storage;

/// <summary>Registers the read-model store, with its schema created before the host starts.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Prepares both databases and registers the read model; returns the resolved storage.</summary>
    public static StorageSetup.Resolved AddMusicCollectiveStorage(this IServiceCollection services, StorageSettings settings,
        string contentRoot)
    {
        var storage = StorageSetup.Resolve(settings, contentRoot);
        StorageSetup.PrepareJournal(storage);
        var store = new SqlReadModelStore(storage.Kind, storage.ReadModelConnectionString);
        // The projection writes from the first instant the actor system runs, so the tables must exist before it.
        store.EnsureSchemaAsync(CancellationToken.None).GetAwaiter().GetResult();
        services.AddSingleton<IReadModelStore>(store);
        return storage;
    }
}
