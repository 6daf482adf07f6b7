using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// `dotnet run -c Release --project tests/MusicCollective.Benchmarks -- --filter '*'` runs every benchmark.
// JoinSummary prints one table for all classes (they share one job) instead of one table per class.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.JoinSummary));
