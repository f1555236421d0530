/// Shape-keeping masks for personal data: every run of letters or digits keeps its first character and
/// loses the rest (`+1 415-555-0134` → `+1 4**-5**-0***`); an email address keeps its top-level domain
/// (`jane.doe@example.com` → `j***@e***.com`).
public enum Mask {
    public static func value(_ value: String) -> String {
        if ValueCheck.isEmail(value), let at = value.lastIndex(of: "@") {
            let local = value[..<at]
            let domain = value[value.index(after: at)...]
            let tld = domain.split(separator: ".").last.map(String.init) ?? ""
            return "\(local.prefix(1))***@\(domain.prefix(1))***.\(tld)"
        }
        var out = ""
        var inRun = false
        for character in value {
            if character.isLetter || character.isNumber {
                out.append(inRun ? "*" : character)
                inRun = true
            } else {
                out.append(character)
                inRun = false
            }
        }
        return out
    }
}
