using System.Collections.Concurrent;
using DtcNotify.Teams.Connector;

namespace DtcNotify.Cases.Posting;

/// <summary>One poster's claim mark and lifetime, and the threads it created but could not record yet.</summary>
internal sealed record PostingClaim(string Holder, TimeSpan Lifetime)
{
    public ConcurrentDictionary<long, UnrecordedThread> Unrecorded { get; } = new();
}

/// <summary>A thread that exists in the channel while its case does not say so yet.</summary>
internal sealed record UnrecordedThread(ConversationResourceResponse Thread, long? BatchId);
