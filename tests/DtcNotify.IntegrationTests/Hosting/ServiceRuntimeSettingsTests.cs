using System.Text.Json;

namespace DtcNotify.IntegrationTests.Hosting;

/// <summary>
/// The service runs with workstation GC and thread-pool workers that do not spin for work: on two shared cores both made
/// card actions under load faster (bench-invoke in tests/DtcNotify.Benchmarks/README.md). The Web SDK's default is the
/// opposite, so a lost line in the project file would silently bring it back.
/// </summary>
public class ServiceRuntimeSettingsTests
{
    [Fact]
    public void The_built_service_uses_workstation_gc_and_workers_that_do_not_spin()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dtcnotify.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }
}
