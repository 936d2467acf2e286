namespace DtcNotify.Matching.Tests;

public class AssetIndexHolderTests
{
    [Fact]
    public void Starts_empty_and_serves_the_replacement()
    {
        var holder = new AssetIndexHolder();
        var next = Registry.Of((1, "example.nl"));

        Assert.Same(AssetIndex.Empty, holder.Current);
        Assert.Same(AssetIndex.Empty, holder.Replace(next));
        Assert.Same(next, holder.Current);
    }

    [Fact]
    public void Readers_during_swaps_always_see_a_complete_index()
    {
        var first = Registry.Of((1, "10.0.0.0/8"), (1, "example.nl"));
        var second = Registry.Of((2, "10.0.0.0/8"), (2, "example.nl"));
        var holder = new AssetIndexHolder(first);

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var lookup = 0; lookup < 20_000; lookup++)
            {
                var index = holder.Current;
                if (!index.TryMatchIp("10.1.2.3", out var ip) || !index.TryMatchHost("www.example.nl", out var host) || ip.CompanyId != host.CompanyId)
                {
                    return false;
                }
            }

            return true;
        })).ToArray();
        while (!readers.All(reader => reader.IsCompleted))
        {
            holder.Replace(holder.Current == first ? second : first);
        }

        Assert.All(readers, reader => Assert.True(reader.Result));
    }
}
