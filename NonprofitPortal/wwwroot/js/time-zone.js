// The browser's time zone, so that a campaign sent for later starts at the time the user meant.
export function timeZone() {
    return {
        id: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "",
        offsetMinutes: -new Date().getTimezoneOffset(),
    };
}
