using BenchmarkDotNet.Running;

if (args is ["bench-matching", .. var matchingArgs])
{
    return DtcNotify.Benchmarks.Matching.MatchingBenchMode.Run(matchingArgs);
}

if (args is ["bench-feeds", .. var feedsArgs])
{
    return DtcNotify.Benchmarks.Feeds.FeedsBenchMode.Run(feedsArgs);
}

if (args is ["bench-matching-postgres", .. var postgresArgs])
{
    return DtcNotify.Benchmarks.Postgres.PostgresBenchMode.Run(postgresArgs);
}

if (args is ["bench-e2e", .. var endToEndArgs])
{
    return DtcNotify.Benchmarks.EndToEnd.EndToEndBenchMode.Run(endToEndArgs);
}

if (args is ["bench-invoke", .. var invokeArgs])
{
    return await DtcNotify.Benchmarks.Invoke.InvokeBenchMode.RunAsync(invokeArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
