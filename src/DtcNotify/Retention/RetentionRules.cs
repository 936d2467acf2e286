using System.Linq.Expressions;
using DtcNotify.Domain.Cases;

namespace DtcNotify.Retention;

/// <summary>Which cases no longer need their evidence: an analyst or triage has finished with them.</summary>
internal static class RetentionRules
{
    /// <summary>Closed, resolved, rejected or suppressed (issue #19). Every other status is open and keeps its evidence.</summary>
    public static readonly Expression<Func<ThreatCase, bool>> Finished =
        c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Rejected || c.Status == CaseStatus.Suppressed;
}
