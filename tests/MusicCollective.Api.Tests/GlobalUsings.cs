global using Grpc.Core;
global using MusicCollective.Api.Tests.Support;
global using MusicCollective.Api.V1;
global using MusicCollective.Testing;
global using static MusicCollective.Api.Tests.Support.Wire;
