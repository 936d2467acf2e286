using System.Globalization;
using System.Text;
using DtcNotify.Delivery.Content;

namespace DtcNotify.Delivery.Calls;

/// <summary>
/// The task's title and details for the analyst, in the team's language (<see cref="CallTaskContent.ScriptLanguage"/>); what
/// to say in the company's language. Registry and feed values go through <see cref="DeliveryText"/>: a line break in a
/// company name must not add a line (say, a fake "Phone:") to the call script, and no bidi or zero-width character may
/// hide what it says.
/// </summary>
public static class CallScript
{
    public static string Title(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var t = CallScriptText.For(task.ScriptLanguage);
        var who = string.IsNullOrWhiteSpace(task.ContactName) ? task.CompanyName : $"{task.ContactName} ({task.CompanyName})";
        return DeliveryText.Line(string.Format(CultureInfo.InvariantCulture, t.TitleFormat, who, task.CaseReference, task.ThreatTitle), MaxTitleLength);
    }

    public static string Details(CallTaskContent task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var t = CallScriptText.For(task.ScriptLanguage);
        var text = new StringBuilder();
        text.Append(t.Case).Append(": ").Append(task.CaseReference).Append('\n');
        text.Append(t.Company).Append(": ").Append(OneLine(task.CompanyName, DeliveryText.NameLength)).Append('\n');
        text.Append(t.Contact).Append(": ").Append(string.IsNullOrWhiteSpace(task.ContactName) ? t.NoName : OneLine(task.ContactName, DeliveryText.NameLength)).Append('\n');
        text.Append(t.Phone).Append(": ").Append(OneLine(task.Phone, DeliveryText.AddressLength)).Append('\n');
        text.Append(t.Language).Append(": ").Append(task.Language == "en" ? t.English : t.Dutch).Append('\n');
        text.Append(t.Due).Append(": ").Append(When(task.DueAt, t)).Append("\n\n");
        text.Append(t.WhatToSay).Append(" (").Append(OneLine(task.ThreatTitle, DeliveryText.TitleLength)).Append("):\n").Append(DeliveryText.Prose(task.Explanation)).Append("\n\n");
        text.Append(t.Observed).Append(":\n");
        foreach (var o in task.Observations)
        {
            text.Append("- ").AppendJoin(" ", new[]
            {
                o.Time is { } time ? When(time, t) : null,
                OneLine(o.Ip, DeliveryText.AddressLength),
                o.Port?.ToString(CultureInfo.InvariantCulture) is { } port ? t.Port + " " + port : null,
                OneLine(o.Url ?? o.Host, DeliveryText.LocatorLength),
                DeliveryText.Protocol(o.Protocol),
            }.Where(part => !string.IsNullOrEmpty(part))).Append('\n');
        }

        if (task.ObservationTotal > task.Observations.Count)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, t.MoreFormat, task.ObservationTotal - task.Observations.Count)).Append('\n');
        }

        text.Append('\n').Append(t.Measures).Append(":\n");
        foreach (var measure in task.Measures)
        {
            text.Append("- ").Append(OneLine(measure)).Append('\n');
        }

        text.Append('\n').Append(t.Afterwards).Append('\n');
        return text.ToString();
    }

    // Planner refuses a title over 255 characters.
    private const int MaxTitleLength = 250;

    private static string OneLine(string? value, int maxLength = DeliveryText.LineLength) => DeliveryText.Line(value, maxLength);

    // The analyst calls from Amsterdam: times in Amsterdam with the zone shown.
    private static string When(DateTimeOffset at, CallScriptText t) => DutchCalendar.Display(at, t.TimeFormat, CultureInfo.GetCultureInfo(t.CultureName));
}
