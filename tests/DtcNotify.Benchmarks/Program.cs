using BenchmarkDotNet.Running;

if (args is ["bench-matching", .. var matchingArgs])
{
    return DtcNotify.Benchmarks.Matching.MatchingBenchMode.Run(matchingArgs);
}

if (args is ["bench-feeds", .. var feedsArgs])
{
    return DtcNotify.Benchmarks.Feeds.FeedsBenchMode.Run(feedsArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
