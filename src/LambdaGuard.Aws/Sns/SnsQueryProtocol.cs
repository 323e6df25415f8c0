using System.Text;
using System.Xml;
using System.Xml.Linq;
using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Aws.Sns;

/// <summary>The SNS Query protocol (API version 2010-03-31): a form-encoded POST in, XML out.</summary>
internal static class SnsQueryProtocol
{
    public const string ApiVersion = "2010-03-31";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static List<KeyValuePair<string, string>> PublishParameters(string topicArn, AlertMessage message)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", ApiVersion),
            new("TopicArn", topicArn),
            new("Message", message.Message),
        };

        if (message.Structured)
        {
            parameters.Add(new("MessageStructure", AlertMessage.MessageStructure));
        }

        // SNS rejects an empty Subject and empty attribute values; the alert JSON carries every field anyway.
        if (!string.IsNullOrEmpty(message.Subject))
        {
            parameters.Add(new("Subject", message.Subject));
        }

        var index = 0;
        foreach (var (name, value) in message.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            index++;
            var prefix = $"MessageAttributes.entry.{index}.";
            parameters.Add(new(prefix + "Name", name));
            parameters.Add(new(prefix + "Value.DataType", "String"));
            parameters.Add(new(prefix + "Value.StringValue", value));
        }

        return parameters;
    }

    public static byte[] EncodeForm(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var form = new StringBuilder();
        foreach (var (name, value) in parameters)
        {
            if (form.Length > 0)
            {
                form.Append('&');
            }

            form.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(form.ToString());
    }

    /// <summary>Reads <c>PublishResponse/PublishResult/MessageId</c>; null when the body is not that document.</summary>
    public static (string? MessageId, string? RequestId) ParsePublishResponse(string body)
    {
        var document = TryLoad(body);
        return (Find(document, "MessageId"), Find(document, "RequestId"));
    }

    /// <summary>Reads <c>ErrorResponse/Error/{Code,Message}</c>; the fields are null when the body is not XML
    /// (a proxy's HTML page, an empty 503).</summary>
    public static (string? Code, string? Message, string? RequestId) ParseError(string body)
    {
        var document = TryLoad(body);
        return (Find(document, "Code"), Find(document, "Message"), Find(document, "RequestId"));
    }

    private static XDocument? TryLoad(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Find(XDocument? document, string localName) =>
        document?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value.Trim() is { Length: > 0 } value
            ? value
            : null;
}
