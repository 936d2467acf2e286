using System.Net;

namespace DtcNotify.Teams.Connector;

/// <summary>A connector call that failed: refused before sending (<see cref="StatusCode"/> null) or answered with an error.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorException(string message, HttpStatusCode? statusCode, string? errorCode)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException(string message, HttpStatusCode? statusCode, string? errorCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The connector answered with success but the answer could not be read: the call was applied.</summary>
    public bool AppliedButUnreadable => StatusCode is { } status && (int)status is >= 200 and < 300;

    /// <summary>The HTTP status of the connector's answer; null when nothing was sent.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The <c>error.code</c> (or Teams' <c>errorCode</c>) of the answer, when it had one.</summary>
    public string? ErrorCode { get; }
}
