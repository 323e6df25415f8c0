using System.Buffers.Binary;

namespace LambdaGuard.Core.Reading;

internal enum HeaderField
{
    None,
    EventSource,
    EventName,
    EventCategory,
    EventType,
    ReadOnly,
    UserIdentity,
    IdentityType,
}

/// <summary>Where the raw values of <see cref="RecordHeader"/>'s fields sit in a record, as noted by
/// <see cref="StructuralCut"/> while it crosses the record: offset and length of the last occurrence of each
/// top-level key (and of <c>userIdentity.type</c> within the last <c>userIdentity</c>), as
/// <see cref="RecordHeader.Scan"/> would read them. A length of 0 means the key is absent; an object or
/// array value is noted by its first byte only, which is all the header needs of it.</summary>
internal struct HeaderSpans : ICutNotes
{
    public (int Start, int Length) EventSource;
    public (int Start, int Length) EventName;
    public (int Start, int Length) EventCategory;
    public (int Start, int Length) EventType;
    public (int Start, int Length) ReadOnly;
    public (int Start, int Length) UserIdentity;
    public (int Start, int Length) IdentityType;

    private HeaderField _pending;
    private bool _inIdentity;

    public void Key(ReadOnlySpan<byte> key, int depth)
    {
        // A key with an escape never names a header field: none of them can be spelled with the short
        // escapes, the only ones the cut accepts.
        if (depth == 1)
        {
            _pending = TopLevelField(key);
        }
        else if (depth == 2 && _inIdentity && key.SequenceEqual("type"u8))
        {
            _pending = HeaderField.IdentityType;
        }
    }

    public void Value(int start, int length, byte first)
    {
        if (_pending == HeaderField.None)
        {
            return;
        }

        if (_pending == HeaderField.UserIdentity)
        {
            _inIdentity = first == (byte)'{';
        }

        Set(_pending, start, length);
        _pending = HeaderField.None;
    }

    // userIdentity's object is at depth 2: closing a container nested in it leaves the cut inside it (a
    // sorted-keys log puts sessionContext, with its own objects, before type); only depth 1 is outside.
    public void Closed(int depth) => _inIdentity &= depth >= 2;

    /// <summary>Called for every top-level key of every record the cut crosses, so it compares the first
    /// eight bytes as one number before anything else.</summary>
    public static HeaderField TopLevelField(ReadOnlySpan<byte> key)
    {
        if (key.Length is < 8 or > 13)
        {
            return HeaderField.None;
        }

        var head = BinaryPrimitives.ReadUInt64LittleEndian(key);
        return key.Length switch
        {
            8 when head == ReadOnlyHead => HeaderField.ReadOnly,
            9 when head == EventNaHead && key[8] == (byte)'e' => HeaderField.EventName,
            9 when head == EventTyHead && key[8] == (byte)'e' => HeaderField.EventType,
            11 when head == EventSoHead && key[8..].SequenceEqual("rce"u8) => HeaderField.EventSource,
            12 when head == UserIdHead && key[8..].SequenceEqual("tity"u8) => HeaderField.UserIdentity,
            13 when head == EventCaHead && key[8..].SequenceEqual("egory"u8) => HeaderField.EventCategory,
            _ => HeaderField.None,
        };
    }

    // The first eight bytes of each name read as a little-endian number; constants, not static fields, so
    // that precompiled code compares them without a class-initialization check (a test spells them out).
    internal const ulong ReadOnlyHead = 0x796c6e4f64616572; // "readOnly"
    internal const ulong EventNaHead = 0x6d614e746e657665; // "eventNam"
    internal const ulong EventTyHead = 0x707954746e657665; // "eventTyp"
    internal const ulong EventSoHead = 0x756f53746e657665; // "eventSou"
    internal const ulong UserIdHead = 0x6e65644972657375; // "userIden"
    internal const ulong EventCaHead = 0x746143746e657665; // "eventCat"

    private void Set(HeaderField field, int start, int length)
    {
        var value = (start, length);
        switch (field)
        {
            case HeaderField.EventSource:
                EventSource = value;
                break;
            case HeaderField.EventName:
                EventName = value;
                break;
            case HeaderField.EventCategory:
                EventCategory = value;
                break;
            case HeaderField.EventType:
                EventType = value;
                break;
            case HeaderField.ReadOnly:
                ReadOnly = value;
                break;
            case HeaderField.UserIdentity:
                // A later userIdentity replaces the earlier one whole, its type included.
                UserIdentity = value;
                IdentityType = default;
                break;
            case HeaderField.IdentityType:
                IdentityType = value;
                break;
        }
    }
}
