using System.Reflection;
using Microsoft.Extensions.Logging;

namespace DtcNotify.Tests.Logging;

/// <summary>
/// An operator filters and alerts on event ids, so one id means one message across the whole service: each component
/// has its own range (Teams 1000s, Delivery 1500s, host folders 2000–3999).
/// </summary>
public sealed class EventIdTests
{
    private static readonly Assembly[] Ours =
    [
        typeof(Program).Assembly, typeof(Teams.Schema.Activity).Assembly, typeof(Delivery.Mail.GraphMailTransport).Assembly,
    ];

    private static IEnumerable<(int Id, string Method)> LoggerMessages() =>
        from assembly in Ours
        from type in assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
        let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
        where attribute is not null
        select (attribute.EventId, $"{type.FullName}.{method.Name}");

    [Fact]
    public void Every_log_message_has_its_own_event_id()
    {
        var messages = LoggerMessages().ToList();
        Assert.True(messages.Count > 50, $"found only {messages.Count} [LoggerMessage] methods; the scan is broken");
        Assert.DoesNotContain(messages, m => m.Id <= 0);
        var shared = messages.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "event ids used twice:\n" + string.Join("\n", shared));
    }
}
