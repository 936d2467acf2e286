using System.Globalization;
using System.Text;

namespace DtcNotify.Delivery.Calls;

/// <summary>
/// The task's title and details for the analyst (in English, the team's tool language; what to say in the company's
/// language). Registry and feed values go through <see cref="OneLine"/>: a line break in a company name must not add a
/// line (say, a fake "Phone:") to the call script.
/// </summary>
public static class CallScript
{
    public static string Title(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var who = string.IsNullOrWhiteSpace(task.ContactName) ? task.CompanyName : $"{task.ContactName} ({task.CompanyName})";
        return OneLine($"Call {who} about {task.CaseReference}: {task.ThreatTitle}");
    }

    public static string Details(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var text = new StringBuilder();
        text.Append("Case: ").Append(task.CaseReference).Append('\n');
        text.Append("Company: ").Append(OneLine(task.CompanyName)).Append('\n');
        text.Append("Contact: ").Append(string.IsNullOrWhiteSpace(task.ContactName) ? "(no name)" : OneLine(task.ContactName)).Append('\n');
        text.Append("Phone: ").Append(OneLine(task.Phone)).Append('\n');
        text.Append("Language: ").Append(task.Language == "en" ? "English" : "Dutch").Append('\n');
        text.Append("Due: ").Append(When(task.DueAt)).Append("\n\n");
        text.Append("What to say (").Append(task.ThreatTitle).Append("):\n").Append(task.Explanation).Append("\n\n");
        text.Append("Observed:\n");
        foreach (var o in task.Observations)
        {
            text.Append("- ").AppendJoin(" ", new[]
            {
                o.Time is { } time ? When(time) : null,
                o.Ip,
                o.Port?.ToString(CultureInfo.InvariantCulture) is { } port ? "port " + port : null,
                o.Url ?? o.Host,
                o.Protocol,
            }.Where(part => !string.IsNullOrEmpty(part)).Select(part => OneLine(part!))).Append('\n');
        }

        if (task.ObservationTotal > task.Observations.Count)
        {
            text.Append("- and ").Append(task.ObservationTotal - task.Observations.Count).Append(" more\n");
        }

        text.Append("\nMeasures:\n");
        foreach (var measure in task.Measures)
        {
            text.Append("- ").Append(measure).Append('\n');
        }

        text.Append("\nAfterwards press \"Call done\" on the case card (reached / not reached, with a note).\n");
        return text.ToString();
    }

    // The analyst calls from Amsterdam: times in Amsterdam with the zone shown.
    private static string When(DateTimeOffset at) => DutchCalendar.Display(at, "ddd d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    private static string OneLine(string value) => Mail.MailComposer.OneLine(value);
}
