// The React entry point. It re-exports the React-free core so apps need one import.
export * from './core/index.js'
