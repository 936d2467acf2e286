namespace DtcNotify.Digest;

/// <summary>The poster's part of the digest (issue #13): cases whose card may or may not be in the channel.</summary>
internal sealed partial record DigestReport
{
    /// <summary>References of the cases posting uncertain, oldest first; an analyst settles each with <c>posting retry|done</c>.</summary>
    public IReadOnlyList<string> PostingUncertain { get; init; } = [];
}
