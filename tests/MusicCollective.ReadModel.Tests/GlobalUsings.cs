global using MusicCollective.Testing;
