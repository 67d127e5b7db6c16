// snowball-stemmers ships no types: the part Werkbank uses (Dutch and English Snowball stemmers).
declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string
  }
  const stemmers: {
    newStemmer(language: string): Stemmer
    algorithms(): string[]
  }
  export default stemmers
}
