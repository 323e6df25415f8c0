namespace LambdaGuard.Testing.Http;

/// <summary>A scripted reply of <see cref="LoopbackHttpStub"/>.</summary>
public sealed record StubResponse(int StatusCode, string Body = "", string ContentType = "text/xml")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static StubResponse Xml(int statusCode, string body) => new(statusCode, body);

    /// <summary>A successful SNS Publish answer carrying <paramref name="messageId"/>.</summary>
    public static StubResponse SnsPublished(string messageId) => Xml(
        200,
        $"""<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>{messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>req-{messageId}</RequestId></ResponseMetadata></PublishResponse>""");

    /// <summary>An SNS Query-protocol error document, e.g. (400, "Throttling") or (400, "InvalidParameter").</summary>
    public static StubResponse SnsError(int statusCode, string code, string message = "scripted error", string type = "Sender") => Xml(
        statusCode,
        $"""<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>""");
}
