using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Testing.Fakes;

public sealed record PublishedAlert(AlertMessage Message, DateTimeOffset? Deadline, string MessageId);
