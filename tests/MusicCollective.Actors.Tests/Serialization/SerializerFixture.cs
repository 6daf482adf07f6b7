using Akka.Actor;
using MusicCollective.Actors.Serialization;

namespace MusicCollective.Actors.Tests.Serialization;

/// <summary>
/// The serializer under test, on a plain ActorSystem (Akka core only: no cluster, no persistence), terminated after
/// the test class.
/// </summary>
public sealed class SerializerFixture : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("test");

    public SerializerFixture() => Serializer = new JsonMessageSerializer((ExtendedActorSystem)_system);

    public JsonMessageSerializer Serializer { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();
}
