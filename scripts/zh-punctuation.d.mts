export function fixZhPunctuation(source: string): { text: string; changed: number[] };
