using OrderSync.Benchmark;

return await BenchmarkRunner.RunAsync(args);
