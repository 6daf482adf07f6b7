using System.Reflection;

namespace MusicCollective.Server.Tests;

/// <summary>
/// Finds MusicCollective.Server.dll as the build left it. The test project references the server project without
/// loading it, so building the tests builds the server; the path of its output is compiled into this assembly.
/// </summary>
internal static class ServerBuild
{
    private const string MetadataKey = "MusicCollective.ServerAssembly";
    private const string FileName = "MusicCollective.Server.dll";

    /// <summary>Full path of the server's main assembly.</summary>
    public static string AssemblyPath { get; } = Locate();

    private static string Locate()
    {
        var configured = typeof(ServerBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey)?.Value;
        if (configured is not null && File.Exists(configured)) return configured;

        // Fallback for a moved tree: <root>/tests/MusicCollective.Server.Tests/bin/<Configuration>/<tfm>/ → the
        // server's output in the same configuration and framework.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = here.Name;
        var configuration = here.Parent?.Name;
        var root = here.Parent?.Parent?.Parent?.Parent?.Parent;
        if (root is not null && configuration is not null)
        {
            var candidate = Path.Combine(root.FullName, "src", "MusicCollective.Server", "bin", configuration, framework, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"{FileName} was not found (looked at '{configured}'); build the test project, which builds the server too.");
    }
}
