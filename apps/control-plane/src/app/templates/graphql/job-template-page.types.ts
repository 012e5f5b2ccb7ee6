import { Field, ObjectType } from '@nestjs/graphql';
import { JobTemplateType } from './job-template.types';

/**
 * Relay's connection shape (edges, pageInfo), the one clients and tools
 * (GraphiQL, Apollo Client, graphql-schema-linter) know. Paging is forward
 * only: first/after.
 */
@ObjectType('PageInfo', { description: 'Where a page sits in the whole list.' })
export class PageInfoType {
  @Field(() => Boolean, { description: 'True when more items follow: ask again with after = endCursor.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null when the page is empty.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when `after` was given: paging is forward only, so this says only that the page did not start at the beginning.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null when the page is empty.' })
  startCursor!: string | null;
}

@ObjectType('JobTemplateEdge', { description: 'One template of a page, with its cursor.' })
export class JobTemplateEdgeType {
  @Field(() => String, { description: 'Opaque position of this template: pass it as `after` to get the templates after it.' })
  cursor!: string;

  @Field(() => JobTemplateType, { description: 'The template, resolved like jobTemplate(id, filter.version).' })
  node!: JobTemplateType;
}

@ObjectType('JobTemplateConnection', { description: 'One page of templates, ordered by templateId.' })
export class JobTemplateConnectionType {
  @Field(() => [JobTemplateEdgeType], { description: 'The templates of this page, each with its cursor.' })
  edges!: JobTemplateEdgeType[];

  @Field(() => [JobTemplateType], { description: 'The templates of this page, without cursors (the same as edges.node).' })
  nodes!: JobTemplateType[];

  @Field(() => PageInfoType, { description: 'Whether more templates follow, and the cursor to ask for them.' })
  pageInfo!: PageInfoType;
}
