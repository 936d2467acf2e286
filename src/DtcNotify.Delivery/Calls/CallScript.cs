using System.Globalization;
using System.Text;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Calls;

/// <summary>
/// The task's title and details for the analyst (in English, the team's tool language; what to say in the company's
/// language). Registry and feed values go through <see cref="DeliveryText"/>: a line break in a company name must not
/// add a line (say, a fake "Phone:") to the call script, and no bidi or zero-width character may hide what it says.
/// </summary>
public static class CallScript
{
    public static string Title(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var who = string.IsNullOrWhiteSpace(task.ContactName) ? task.CompanyName : $"{task.ContactName} ({task.CompanyName})";
        return DeliveryText.Line($"Call {who} about {task.CaseReference}: {task.ThreatTitle}", MaxTitleLength);
    }

    public static string Details(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var text = new StringBuilder();
        text.Append("Case: ").Append(task.CaseReference).Append('\n');
        text.Append("Company: ").Append(OneLine(task.CompanyName, DeliveryText.NameLength)).Append('\n');
        text.Append("Contact: ").Append(string.IsNullOrWhiteSpace(task.ContactName) ? "(no name)" : OneLine(task.ContactName, DeliveryText.NameLength)).Append('\n');
        text.Append("Phone: ").Append(OneLine(task.Phone, DeliveryText.AddressLength)).Append('\n');
        text.Append("Language: ").Append(task.Language == "en" ? "English" : "Dutch").Append('\n');
        text.Append("Due: ").Append(task.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append("What to say (").Append(OneLine(task.ThreatTitle, DeliveryText.TitleLength)).Append("):\n").Append(DeliveryText.Prose(task.Explanation)).Append("\n\n");
        text.Append("Observed:\n");
        foreach (var o in task.Observations)
        {
            text.Append("- ").AppendJoin(" ", new[]
            {
                o.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                OneLine(o.Ip, DeliveryText.AddressLength),
                o.Port?.ToString(CultureInfo.InvariantCulture) is { } port ? "port " + port : null,
                OneLine(o.Url ?? o.Host, DeliveryText.LocatorLength),
                DeliveryText.Protocol(o.Protocol),
            }.Where(part => !string.IsNullOrEmpty(part))).Append('\n');
        }

        if (task.ObservationTotal > task.Observations.Count)
        {
            text.Append("- and ").Append(task.ObservationTotal - task.Observations.Count).Append(" more\n");
        }

        text.Append("\nMeasures:\n");
        foreach (var measure in task.Measures)
        {
            text.Append("- ").Append(OneLine(measure)).Append('\n');
        }

        text.Append("\nAfterwards press \"Call done\" on the case card (reached / not reached, with a note).\n");
        return text.ToString();
    }

    // Planner refuses a title over 255 characters.
    private const int MaxTitleLength = 250;

    private static string OneLine(string? value, int maxLength = DeliveryText.LineLength) => DeliveryText.Line(value, maxLength);
}
