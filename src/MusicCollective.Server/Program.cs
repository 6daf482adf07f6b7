using MusicCollective.Actors.Hosting;
using MusicCollective.Grpc.Auth;
using MusicCollective.Grpc.Hosting;
using MusicCollective.Server.Storage;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;
var storage = builder.Services.AddMusicCollectiveStorage(
    config.GetSection(StorageSettings.SectionName).Get<StorageSettings>() ?? new(), builder.Environment.ContentRootPath);
builder.Services.AddMusicCollectiveAkka((config.GetSection("Akka").Get<AkkaSettings>() ?? new()) with
{
    Database = storage.Kind,
    JournalConnectionString = storage.JournalConnectionString,
});
builder.Services.AddMusicCollectiveGrpc(config.GetSection(AuthSettings.SectionName).Get<AuthSettings>() ?? new(), builder.Environment);

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
app.MapMusicCollectiveGrpc(app.Environment);
app.Run();
