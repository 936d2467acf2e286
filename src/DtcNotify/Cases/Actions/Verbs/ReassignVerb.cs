using DtcNotify.Resources;
using DtcNotify.Text;

namespace DtcNotify.Cases.Actions.Verbs;

/// <summary>"Reassign": to a member of the specialists' team, who is @mentioned in the thread reply.</summary>
internal sealed class ReassignVerb : ICaseVerb
{
    public async Task<CaseVerbOutcome> RunAsync(CaseVerbRequest request, CaseActionServices services, CancellationToken ct)
    {
        var assignee = request.Data.Text("assignee");
        var member = (await services.Renderer.MembersAsync(request.Channel, ct)).FirstOrDefault(m => string.Equals(m.Id, assignee, StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            return CaseVerbOutcome.Refuse(services.Texts[nameof(AnalystText.ReplyRefuseNotMember)]);
        }

        if (!request.Case.IsOpen)
        {
            return CaseVerbOutcome.NotNow;
        }

        request.Case.Reassign(member.Id, UntrustedText.Clean(member.Name, 200), request.Actor, services.Clock.GetUtcNow());
        return CaseVerbOutcome.Change(member);
    }
}
