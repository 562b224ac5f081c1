export function fixZhPunctuation(source: string): { text: string; changed: number[] };
export function fixZhText(text: string): string;
